"""Demo data: a province's worth of patrols, encounters, persons and cases, as the agency sees them.

:func:`generate` fills an open store through its repositories, so every record is validated and
lands in the outbox exactly like a user's edit. The data is deterministic for a given seed and
``today`` (record ids are not: they are UUIDv7 made at write time) and looks like the field:

- Moroccan names in Arabic and Latin script with the real spelling variants (Mohamed, Mohammed,
  Mhamed; El Idrissi, Idrissi, Drissi), first names only, nicknames, migrants' names;
- the same real person recorded again by another team (~8% of persons): another spelling, one
  script only, a nickname, an approximate age a few years off; which records are the same
  person is returned in :attr:`DemoSummary.same_person_pairs` and never stored in the vault;
- nightly patrols of several teams over the last ~18 months, tonight's still in progress;
- encounters (some anonymous), a few people met again and again and a long tail met once;
- cases with their events (overdue and upcoming follow-ups), referrals, and a few later edits.

No Qt: meant for ``fieldapp demo``, tests and benchmarks, and the GUI's worker (``progress``).
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from fieldapp.domain import divisions

if TYPE_CHECKING:
    from fieldapp.store.repository import Repository, Store

BATCH = 5000  # records per create_many call (one transaction each)
HORIZON_DAYS = 540  # about 18 months of history
ENCOUNTERS_PER_PATROL = 30

Values = dict[str, Any]
NameEntry = tuple[str | None, tuple[str, ...]]  # Arabic spelling, Latin variants (commonest first)


@dataclass
class DemoSummary:
    """What :func:`generate` wrote, kind by kind."""

    shelters: int = 0
    persons: int = 0
    patrols: int = 0
    encounters: int = 0
    anonymous_encounters: int = 0
    cases: int = 0
    case_events: int = 0
    referrals: int = 0
    updates: int = 0
    # (original id, later record id) of records that are the same real person
    same_person_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def records(self) -> int:
        return (self.shelters + self.persons + self.patrols + self.encounters + self.cases
                + self.case_events + self.referrals)


# --- names ---------------------------------------------------------------------------------


def _table(text: str) -> tuple[NameEntry, ...]:
    """Parse ``arabic = Latin1, Latin2`` lines (``-`` for no Arabic spelling)."""
    out: list[NameEntry] = []
    for line in text.strip().splitlines():
        arabic, _, latin = line.partition("=")
        ar = arabic.strip()
        out.append((None if ar == "-" else ar, tuple(v.strip() for v in latin.split(","))))
    return tuple(out)


MALE_NAMES = _table("""
محمد = Mohamed, Mohammed, Mhamed, Mohamad, Mohammad
أحمد = Ahmed, Ahmad, Hmad
يوسف = Youssef, Youssouf, Youcef, Yousef
عبد القادر = Abdelkader, Abd El Kader, Abdelkhader, Abdelqader
عبد الله = Abdellah, Abdallah, Abdelah, Abd Allah
عبد الرحيم = Abderrahim, Abdelrahim, Abderahim
عبد الرحمان = Abderrahmane, Abderrahman, Abdelrahman
عبد العزيز = Abdelaziz, Abdelaaziz, Abd El Aziz
عبد اللطيف = Abdellatif, Abdelatif, Abdellatef
عبد الإله = Abdelilah, Abdelillah, Abdelileh
عبد الحق = Abdelhak, Abdelhaq, Abd El Hak
عبد الصمد = Abdessamad, Abdessamed, Abdelsamad
عبد الكريم = Abdelkrim, Abdelkarim, Abdelkerim
عبد الرزاق = Abderrazak, Abderrazzak, Abderazak, Abdelrazak
عبد المجيد = Abdelmajid, Abdelmajed, Abdelmadjid
عبد الغني = Abdelghani, Abdelghanie, Abdelgani
مصطفى = Mustapha, Mostafa, Moustapha, Mustafa
حسن = Hassan, Hasan, Hassane
حسين = Houssine, Hussein, Houcine, Hossein
الحسين = El Houssine, Lhoussine, Elhoussine
لحسن = Lahcen, Lahsen, Lahcene
إبراهيم = Brahim, Ibrahim, Ibrahime
إسماعيل = Ismail, Smail, Ismaïl
خالد = Khalid, Khaled
رشيد = Rachid, Rashid, Rachide
سعيد = Said, Saïd, Saaid
عمر = Omar, Oumar, Omer
علي = Ali, Aly
عثمان = Othmane, Otmane, Othman, Osmane
حمزة = Hamza, Hamzah
أيوب = Ayoub, Ayyoub, Ayoube
أنس = Anas, Anass
بلال = Bilal, Bellal
إلياس = Ilyas, Ilias, Elias, Ilyass
زكرياء = Zakaria, Zakariae, Zakariya, Zakarya
ياسين = Yassine, Yacine, Yasin
مهدي = Mehdi, Mahdi
سفيان = Soufiane, Sofiane, Sufian
نبيل = Nabil, Nabile
كريم = Karim, Kareem
عادل = Adil, Adel
جمال = Jamal, Djamal, Jamale
كمال = Kamal, Kamel
نور الدين = Noureddine, Nour Eddine, Nourdine, Nour-Eddine
صلاح الدين = Salaheddine, Salah Eddine, Salah-Eddine
عز الدين = Azzeddine, Azeddine, Izz Eddine
هشام = Hicham, Hisham, Hichame
توفيق = Taoufik, Toufik, Tawfiq, Taoufiq
مراد = Mourad, Morad, Murad
إدريس = Driss, Idriss, Idris
العربي = Larbi, El Arbi, Arbi
امبارك = Mbarek, M'barek, Embarek
بوشعيب = Bouchaib, Bouchaïb, Bouchaieb
العياشي = Layachi, El Ayachi, Ayachi
الطيب = Taib, Tayeb, Ettayeb
سليمان = Slimane, Soulaimane, Souleymane, Sulaiman
هارون = Haroun, Haroune, Harone
زهير = Zouhair, Zouheir, Zuhair
طارق = Tarik, Tarek, Tariq
وليد = Walid, Oualid
منير = Mounir, Munir
الحبيب = Habib, Lhabib, El Habib
ميلود = Miloud, Milod
الجيلالي = Jilali, Djilali, El Jilali
أسامة = Oussama, Osama, Ousama
عماد = Imad, Emad
""")

FEMALE_NAMES = _table("""
فاطمة = Fatima, Fatma, Fatema
فاطمة الزهراء = Fatima Zahra, Fatimazahra, Fatim-Zahra, Fatima Ezzahra
خديجة = Khadija, Khadidja, Khadijah
عائشة = Aicha, Aïcha, Aisha, Aïsha
مريم = Meryem, Maryam, Meriem, Mariam
زينب = Zineb, Zaynab, Zainab, Zeineb
نعيمة = Naima, Naïma, Nayma
سعاد = Souad, Suad, Soad
حنان = Hanane, Hanan
ليلى = Leila, Laila, Layla, Leïla
نادية = Nadia, Nadiya
رشيدة = Rachida, Rashida
سميرة = Samira, Samirah
لطيفة = Latifa, Latefa
مليكة = Malika, Malica
حليمة = Halima, Halimah
زهرة = Zahra, Zohra, Zhor
صفية = Safia, Safiya, Saphia
أمينة = Amina, Aminah, Ameena
نجاة = Najat, Nejat, Najate
حياة = Hayat, Hayate
سناء = Sanaa, Sanae, Sana
هدى = Houda, Hoda, Huda
إيمان = Imane, Iman, Imen
كريمة = Karima, Karimah
نزهة = Nezha, Nozha, Nuzha
وفاء = Wafae, Wafaa, Wafa
سلمى = Salma, Selma
ياسمين = Yasmine, Yassmine, Yasmina
هاجر = Hajar, Hadjar, Hajare
أسماء = Asmae, Asmaa, Asma
نورة = Noura, Nora, Nourah
غزلان = Ghizlane, Ghizlan, Ghislane
سكينة = Soukaina, Sakina, Soukayna
فدوى = Fadwa, Fadoua
بشرى = Bouchra, Bochra, Bushra
سهام = Siham, Sihame
رجاء = Rajae, Rajaa, Raja
كوثر = Kaoutar, Kawtar, Kaouthar, Kawthar
إكرام = Ikram, Ikrame
ابتسام = Ibtissam, Btissam, Ibtisam
عزيزة = Aziza, Azizah
يامنة = Yamna, Yamina, Yemna
رقية = Rkia, Roukia, Rokia, Ruqayya
الغالية = Ghalia, Lghalia, El Ghalia
منية = Mounia, Monia, Mouniya
سلوى = Salwa, Saloua
نوال = Nawal, Naoual
جميلة = Jamila, Djamila, Jamilah
حفصة = Hafsa, Hafssa
شيماء = Chaimae, Chaimaa, Chaima, Shaimaa
دنيا = Dounia, Donia, Dunia
لبنى = Loubna, Lobna, Lubna
سارة = Sara, Sarah
نسرين = Nisrine, Nesrine, Nisrin
وداد = Widad, Ouidad, Wedad
ثورية = Touria, Thouria, Tourya
فتيحة = Fatiha, Fatyha
البتول = Batoul, Lbatoul, El Batoul
السعدية = Saadia, Saâdia, Essaadia
حورية = Houria, Hourya
رحمة = Rahma, Rahmah
مباركة = Mbarka, M'barka, Embarka
عتيقة = Atika, Atiqa
""")

FAMILY_NAMES = _table("""
الإدريسي = El Idrissi, Idrissi, Drissi, Elidrissi
بن علي = Benali, Ben Ali, Ben-Ali
العلوي = Alaoui, El Alaoui, Elalaoui
التازي = Tazi, Ettazi, El Tazi
الفاسي = El Fassi, Fassi, Elfassi
بناني = Bennani, Benani, Bnani
برادة = Berrada, Berada
الشرقاوي = Cherkaoui, Charkaoui, Echcherkaoui
الغربي = El Gharbi, Gharbi, Rharbi
الأنصاري = El Ansari, Ansari, Elansari
الصديقي = Seddiki, Essedikki, Siddiqi
العمراني = Amrani, El Amrani, Elamrani
بنجلون = Benjelloun, Ben Jelloun, Benjeloun
بنكيران = Benkirane, Ben Kirane, Benkiran
الزياني = Ziani, Zayani, Ezziani
الحسني = El Hassani, Hassani, Hasni
بوزيد = Bouzid, Bou Zid
الوزاني = Ouazzani, El Ouazzani, Ouazani, Wazzani
السوسي = Soussi, Essoussi, El Soussi
الريفي = Rifi, Errifi, El Rifi
الدكالي = Doukkali, Doukali, Eddoukkali
المراكشي = Marrakchi, El Marrakchi, Merrakchi
الرباطي = Rbati, Ribati, Errbati
الطنجاوي = Tanjaoui, Tanjawi
بلحاج = Belhaj, Belhadj, Bel Haj
بوعزة = Bouazza, Bouaza
الخياري = Khiari, El Khiari, Khiyari
الكتاني = Kettani, Kattani, El Kettani
الصقلي = Sqalli, Sekkali, Seqqali
بنسودة = Bensouda, Ben Souda
بنموسى = Benmoussa, Ben Moussa, Benmousa
بنعمر = Benomar, Ben Omar, Benamar
بنسعيد = Bensaid, Ben Said, Bensaïd
بوطالب = Boutaleb, Bou Taleb
الحمداوي = Hamdaoui, El Hamdaoui, Hamdawi
المنصوري = Mansouri, El Mansouri, Elmansouri
الشاوي = Chaoui, Echchaoui, Chawi
الزهراوي = Zahraoui, Zehraoui, Ezzahraoui
العثماني = Othmani, Otmani, El Otmani
البقالي = Bakkali, El Bakkali, Baqqali
الطاهري = Tahiri, Taheri, Ettahiri
القادري = Kadiri, Qadiri, El Kadiri
الناصري = Naciri, Nasiri, Ennaciri
الجزولي = Jazouli, Jazuli, El Jazouli
السباعي = Sbai, Sebbai, Essebai
الرحماني = Rahmani, Errahmani
العسري = Asri, Assri, El Asri
اليوسفي = Youssfi, Yousfi, El Youssfi
الكبير = Lakbir, El Kbir, Kabir
العزوزي = Azzouzi, Azouzi, El Azzouzi
المرابط = Mrabet, Merabet, El Mrabet
الصالحي = Salhi, Essalhi, Salihi
بلعيد = Belaid, Belaïd, Bel Aid
أمزيان = Amziane, Amzian, Mezziane
أيت علي = Ait Ali, Aït Ali, Aitali
أيت بلقاسم = Ait Belkacem, Aït Belkassem, Ait Belkassem
أوحمو = Ouhammou, Ouhamou, Ouhmou
أمغار = Amghar, Amrhar
الراشدي = Rachidi, Errachidi, Rachdi
المصباحي = Mesbahi, Misbahi, El Mesbahi
الفيلالي = Filali, El Filali, Elfilali
الحجوجي = Hajjouji, Hajouji, El Hajjouji
الموساوي = Moussaoui, Moussawi, El Moussaoui
العبدلاوي = Abdellaoui, Abdelaoui, El Abdellaoui
الصافي = Safi, Essafi, Essafy
الخطابي = Khattabi, El Khattabi, Khatabi
الجابري = Jabri, El Jabri, Jabiri
المريني = Merini, Marini, El Merini
البوعزاوي = Bouazzaoui, Bouazaoui, Elbouazzaoui
الحداد = Haddad, El Haddad, Hadad
النجار = Najjar, Nejjar, Ennajjar
الخراز = Kharraz, Kharaz, El Kharraz
الصباغ = Sabbagh, Sebbagh, Essabbagh
الدباغ = Debbagh, Dabbagh, Eddebbagh
بوعبيد = Bouabid, Bou Abid, Bouabide
الأزرق = Lazrak, El Azrak, Azraq
الأشهب = Lachhab, El Achhab, Achhab
الزاكي = Zaki, Ezzaki, El Zaki
الإسماعيلي = Ismaili, El Ismaili, Smaili
الحمري = Hamri, El Hamri, Lahmri
الورديغي = Ouardighi, El Ouardighi, Wardighi
الشرايبي = Chraibi, Chraïbi, Echchraibi
بنيس = Bennis, Benis
الحلوي = Halaoui, El Halaoui, Hlaoui
بنشقرون = Benchekroun, Ben Chekroun, Benchakroun
الفاضلي = Fadili, Fadli, El Fadili
المودن = Moudden, Mouden, El Moudden
""")

# Sub-Saharan migrants met in the street: Latin script only, French spellings vary too.
MIGRANT_MALE_NAMES = _table("""
- = Mamadou, Mamadu
- = Ibrahima, Ibrahim
- = Moussa, Musa
- = Ousmane, Usman
- = Amadou, Ahmadou
- = Cheikh, Cheick
- = Abdoulaye, Abdoulay
- = Lamine, Lamin
""")
MIGRANT_FEMALE_NAMES = _table("""
- = Aminata, Aminatou
- = Fatoumata, Fatimata
- = Mariama, Mariam
- = Awa, Awah
- = Aïssatou, Aissatou
""")
MIGRANT_FAMILY_NAMES = _table("""
- = Diallo, Dialo
- = Traoré, Traore
- = Koné, Kone
- = Camara, Kamara
- = Ndiaye, N'Diaye
- = Coulibaly, Kulibali
- = Keita, Keïta
- = Touré, Toure
""")

NICKNAMES = {
    "male": ("Hamid", "Bouchta", "L'hadj", "Chinwi", "Zizou", "Ba Driss", "Lmaâlem", "Rasta",
             "Sahraoui", "Chriki", "Moul Zrabi", "Lbrazili", "Kiki", "Haj Moussa", "Jilali",
             "الحاج", "الشريف", "با إدريس", "المعلم", "الصحراوي", "الشينوي", "بوشتى",
             "ولد الدرب"),
    "female": ("Mi Fatna", "Lalla Zohra", "Hajja", "Mimi", "Chama", "Mama Khadija", "Zahwa",
               "الحاجة", "مي فاطنة", "لالة زهرة", "مي عيشة", "الشريفة"),
}

CIN_PREFIXES = ("A", "AB", "AD", "BE", "BH", "BJ", "BK", "C", "CB", "CD", "D", "DA", "E", "EE",
                "F", "G", "GM", "H", "HH", "I", "IA", "J", "JB", "JC", "K", "L", "LA", "M", "N",
                "P", "PA", "Q", "R", "S", "SH", "T", "U", "UA", "V", "W", "WA", "X", "Y", "Z")

# --- places ------------------------------------------------------------------------------

# Communes (or arrondissements) with areas, and landmarks where teams meet people, for the
# provinces the agency's demos are usually run in; other provinces get generic places.
PLACES: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "rabat": (
        {"Hassan": ("Médina", "Océan", "Bab El Had", "Centre-ville"),
         "Agdal-Riyad": ("Agdal", "Hay Riad", "Gare Agdal"),
         "Yacoub El Mansour": ("Akkari", "Hay El Fath", "Douar El Kora"),
         "El Youssoufia": ("Takaddoum", "Hay Nahda", "Douar El Hajja"),
         "Souissi": ("Souissi", "Aviation")},
        ("Gare Rabat-Ville", "Bab El Had", "Marché central", "Bab Chellah", "Avenue Mohammed V",
         "Gare routière Kamra", "Bab Lahdid", "Place Pietri", "Rue Souika", "Gare Rabat-Agdal",
         "باب الأحد", "المحطة الطرقية القامرة", "السوق المركزي", "باب شالة", "شارع محمد الخامس",
         "سوق العكاري"),
    ),
    "casablanca": (
        {"Sidi Belyout": ("Centre-ville", "Casa-Port", "Place des Nations Unies"),
         "Anfa": ("Maârif", "Aïn Diab", "Racine"),
         "Al Fida": ("Derb Omar", "Derb Sultan", "Garage Allal"),
         "Mers Sultan": ("Mers Sultan", "Derb Ghallef"),
         "Hay Mohammadi": ("Carrières centrales", "Hay Mohammadi")},
        ("Gare Casa-Voyageurs", "Gare Casa-Port", "Marché central", "Derb Omar",
         "Place des Nations Unies", "Gare routière Ouled Ziane", "Bab Marrakech",
         "Corniche Aïn Diab", "Parc de la Ligue arabe", "Boulevard Mohammed V",
         "سوق القريعة", "المحطة الطرقية أولاد زيان", "درب عمر", "باب مراكش", "المدينة القديمة"),
    ),
    "marrakech": (
        {"Médina": ("Jemaa El Fna", "Bab Doukkala", "Mellah", "Bab Ftouh"),
         "Guéliz": ("Guéliz", "Gare", "Hivernage"),
         "Ménara": ("Massira", "Bab Jdid"),
         "Sidi Youssef Ben Ali": ("Sidi Youssef Ben Ali", "Bab Aghmat")},
        ("Jemaa El Fna", "Gare de Marrakech", "Bab Doukkala", "Gare routière Bab Doukkala",
         "Marché central Guéliz", "Bab Ftouh", "Avenue Mohammed VI", "Mellah",
         "ساحة جامع الفنا", "باب دكالة", "باب أغمات", "سوق الخميس"),
    ),
    "fes": (
        {"Fès-Médina": ("Bab Boujloud", "Batha", "Bab Ftouh"),
         "Agdal": ("Ville nouvelle", "Place Florence", "Gare"),
         "Jnan El Ouard": ("Jnan El Ouard", "Aïn Kadous"),
         "Saïss": ("Route d'Immouzer", "Hay Saïss")},
        ("Bab Boujloud", "Gare de Fès", "Place Florence", "Bab Ftouh", "Batha",
         "Gare routière Bab Mahrouk", "Avenue Hassan II", "باب بوجلود", "ساحة فلورنسا",
         "باب الفتوح", "المحطة الطرقية"),
    ),
    "tanger-assilah": (
        {"Tanger-Médina": ("Grand Socco", "Petit Socco", "Kasbah"),
         "Charf-Souani": ("Souani", "Charf"),
         "Beni Makada": ("Beni Makada", "Bir Chifa"),
         "Charf-Mghogha": ("Mghogha", "Gare Tanger-Ville")},
        ("Grand Socco", "Gare Tanger-Ville", "Port de Tanger", "Boulevard Pasteur",
         "Bab El Fahs", "Gare routière", "Place de France", "السوق البراني", "باب الفحص",
         "ميناء طنجة", "سوق كاسابراطا"),
    ),
}


def _places(code: str) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    if code in PLACES:
        return PLACES[code]
    p = divisions.province(code)
    communes = {
        p.fr: ("Centre-ville", "Ancienne médina", "Quartier de la gare", "Souk", "Hay Salam"),
        f"{p.fr} périphérie": ("Quartier industriel", "Douar périphérique", "Route nationale"),
    }
    landmarks = (f"Gare routière de {p.fr}", "Marché central", "Ancienne médina",
                 "Souk hebdomadaire", f"Place centrale de {p.fr}", "Jardin public",
                 "Station de grands taxis", "Sous le pont de l'oued", "Devant la mosquée",
                 f"المحطة الطرقية {p.ar}", "السوق المركزي", "المدينة القديمة", "السوق الأسبوعي",
                 "الحديقة العمومية", "محطة سيارات الأجرة الكبيرة")
    return communes, landmarks


SHELTERS = (
    ("Centre d'hébergement Dar Al Amane", "مركز الإيواء دار الأمان"),
    ("Espace d'accueil Al Amal", "فضاء الاستقبال الأمل"),
    ("Centre d'accueil d'urgence Annour", "مركز الاستقبال الاستعجالي النور"),
    ("Dar Al Khair", "دار الخير"),
    ("Centre d'hébergement Al Wafae", "مركز الإيواء الوفاء"),
    ("Espace d'accueil Assalam", "فضاء الاستقبال السلام"),
    ("Complexe social Al Firdaous", "المركب الاجتماعي الفردوس"),
    ("Centre Tafaoul", "مركز التفاؤل"),
    ("Espace Al Karama", "فضاء الكرامة"),
    ("Foyer pour femmes Dar Al Mouna", "دار المنى لإيواء النساء"),
)
# Landline area codes (05 XX) by region code.
PHONE_AREAS = {"01": "39", "02": "36", "03": "35", "04": "37", "05": "23", "06": "22", "07": "24",
               "08": "35", "09": "28", "10": "28", "11": "28", "12": "28"}
STREETS = ("Avenue Hassan II", "Boulevard Mohammed V", "Rue Ibn Khaldoun", "Avenue des FAR",
           "Rue Oqba Ibn Nafii", "Hay Al Massira", "Quartier Al Qods", "Rue Al Moutanabbi")

# --- free text -----------------------------------------------------------------------------

DESCRIPTIONS = (
    "Veste bleue, sac à dos noir", "Cicatrice sur la joue gauche",
    "Toujours accompagné d'un chien", "Se déplace avec des béquilles", "Porte des lunettes",
    "Parle peu, méfiant au premier contact", "Barbe grise, bonnet rouge",
    "Djellaba marron, sandales", "Tatouage sur l'avant-bras", "يحمل حقيبة سوداء",
    "يرتدي جلبابا بنيا", "يتنقل بكرسي متحرك", "يجلس عادة قرب المسجد", "ندبة على الجبين",
)
PERSON_NOTES = (
    "Originaire de Béni Mellal, dit avoir de la famille à Salé.",
    "Ne souhaite pas être photographié.", "Suivi par le centre de santé pour diabète.",
    "A perdu sa CIN, démarches en cours à l'arrondissement.",
    "Travaille parfois comme gardien de voitures.", "Dit dormir au même endroit depuis un an.",
    "يقول إنه غادر منزل الأسرة منذ سنتين.", "يحتاج إلى دواء بشكل منتظم.",
    "لديه أخت في الدار البيضاء.", "يشتغل أحيانا في السوق.",
)
ENCOUNTER_NOTES = (
    "Nuit très froide, a accepté une deuxième couverture.", "Endormi, non réveillé.",
    "Demande à voir un médecin.", "A refusé de donner son nom.",
    "Accompagné de deux autres personnes.", "Blessure légère à la main, pansement fait.",
    "يطلب الاتصال بأسرته.", "في حالة سكر.", "رفض التوجه إلى المركز.", "يشتكي من ألم في الصدر.",
)
PATROL_NOTES = (
    "Nuit froide, forte demande de couvertures.", "Accompagnés par l'autorité locale.",
    "Avec l'infirmier du centre de santé.", "Pluie, peu de personnes dehors.",
    "Véhicule en panne une heure.", "دورية مشتركة مع السلطة المحلية.",
)
CASE_SUMMARIES = {
    "child_difficult": ("Mineur en rupture familiale, médiation avec la mère envisagée.",
                        "طفل في وضعية الشارع، محاولة الإدماج الأسري."),
    "girl_difficult": ("Jeune fille hébergée en urgence, famille à contacter.",
                       "فتاة في وضعية صعبة، ربط الاتصال بالأسرة."),
    "elderly_no_support": ("Personne âgée sans ressources, recherche d'une place en EPS.",
                           "شخص مسن دون عائل، البحث عن مكان بمؤسسة للرعاية الاجتماعية."),
    "disability": ("Personne en situation de handicap, besoin d'un fauteuil roulant.",
                   "شخص في وضعية إعاقة، الحصول على بطاقة الإعاقة."),
    "woman_difficult": ("Femme seule avec enfants, hébergement d'urgence puis accompagnement.",
                        "امرأة في وضعية صعبة، مواكبة من أجل الإدماج."),
    "street_situation": ("Personne en situation de rue depuis plusieurs années.",
                         "شخص في وضعية الشارع، مواكبة من أجل الإيواء."),
}
PLAN_ACTIONS = (
    "Obtenir une copie de l'acte de naissance", "Renouveler la CIN",
    "Prendre rendez-vous au centre de santé", "Contacter la famille par téléphone",
    "Inscription au centre d'éducation et de formation", "Constituer le dossier d'admission en EPS",
    "Demander la carte RAMED / AMO", "الحصول على نسخة من عقد الازدياد", "تجديد البطاقة الوطنية",
    "ربط الاتصال بالأسرة", "التسجيل في مركز التكوين",
)
EVENT_SUMMARIES = {
    "listening": ("Première séance d'écoute.", "جلسة استماع أولى."),
    "assessment": ("Évaluation individuelle faite.", "تم التقييم الفردي للحالة."),
    "mediation": ("Rencontre avec la famille.", "لقاء مع الأسرة."),
    "follow_up": ("Point sur le plan d'accompagnement.", "تتبع خطة المواكبة."),
    "home_visit": ("Visite au domicile familial.", "زيارة منزل الأسرة."),
    "referral": ("Dossier transmis à l'institution.", "إرسال الملف إلى المؤسسة."),
    "closure": ("Clôture du dossier.", "إغلاق الملف."),
}
INSTITUTIONS = {
    "eps": ("EPS Dar Al Atfal", "Dar Al Ajaza (EPS personnes âgées)", "مؤسسة الرعاية الاجتماعية",
            "Complexe social Dar Al Khair"),
    "health": ("Centre hospitalier provincial", "Hôpital psychiatrique Ar-Razi",
               "Centre de santé urbain", "المستشفى الإقليمي"),
    "association": ("Association Bayti", "Association Insaf", "Association Solidarité Féminine",
                    "جمعية الأمل للتنمية"),
    "social_centre": ("Centre social de l'Entraide Nationale", "المركز الاجتماعي للتعاون الوطني"),
    "training_centre": ("Centre d'éducation et de formation Al Amal", "مركز التربية والتكوين"),
    "justice": ("Tribunal de première instance, juge des mineurs", "النيابة العامة"),
    "police": ("Sûreté provinciale, brigade des mineurs", "الأمن الإقليمي"),
    "local_authority": ("Caïdat", "الملحقة الإدارية"),
}
REFERRAL_TYPES = {
    "child_difficult": ("justice", "eps", "association", "training_centre"),
    "girl_difficult": ("justice", "eps", "association", "training_centre"),
    "elderly_no_support": ("eps", "health", "social_centre"),
    "disability": ("health", "association", "eps", "social_centre"),
    "woman_difficult": ("association", "social_centre", "training_centre", "eps"),
    "street_situation": ("health", "eps", "association", "social_centre", "local_authority",
                         "police"),
}

# --- vocab draws ---------------------------------------------------------------------------

SERVICES = (  # (code, probability), in vocabulary order; blankets more in winter
    ("medical_check", 0.12), ("first_aid", 0.06), ("primary_care", 0.05), ("shower", 0.07),
    ("haircut", 0.04), ("clothes", 0.28), ("meal", 0.62), ("hot_drink", 0.55),
    ("blanket", 0.38), ("hygiene_kit", 0.15), ("listening", 0.22), ("transport", 0.0),
)
ORIENTATIONS = (("none", 55), ("shelter", 20), ("refused", 15), ("hospital", 5),
                ("family_return", 3), ("eps_placement", 2))
REFUSALS = (("prefers_street", 35), ("distrust", 20), ("shelter_rules", 15),
            ("no_separation", 12), ("under_influence", 12), ("other", 6))
OUTCOMES = (("no_issue", 50), ("treated_on_site", 25), ("referred_hospital", 12),
            ("emergency", 3), ("refused_check", 10))
SITUATIONS = (("alone", 70), ("in_group", 18), ("with_children", 6), ("with_family", 6))
CASE_STATUSES = (("open", 20), ("in_progress", 40), ("referred", 15), ("closed", 25))
CLOSURES = (("goals_met", 15), ("family_reintegration", 20), ("eps_placed", 15),
            ("socio_professional", 8), ("lost_contact", 25), ("refused_support", 10),
            ("moved", 5), ("deceased", 2))
MIDDLE_EVENTS = (("plan_action", 3), ("follow_up", 3), ("mediation", 2), ("home_visit", 1))
DISABILITIES = ("disability_motor", "disability_visual", "disability_hearing",
                "disability_mental")


class _Picker:
    """Weighted draws from a fixed table, with precomputed cumulative weights."""

    def __init__(self, rng: random.Random, table: Sequence[tuple[str, int]]) -> None:
        self.rng = rng
        self.codes = [c for c, _ in table]
        self.cum: list[int] = []
        total = 0
        for _, w in table:
            total += w
            self.cum.append(total)

    def __call__(self) -> str:
        return self.rng.choices(self.codes, cum_weights=self.cum)[0]


# --- persons ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Real:
    """A real person, who may be recorded more than once."""

    sex: str
    birth: date
    migrant: bool
    first: NameEntry
    family: NameEntry
    flags: list[str]
    cin: str | None
    nickname: str | None


@dataclass(slots=True)
class _Shown:
    """How one record presents its real person: script, spelling, what the person said."""

    mode: str  # both, lat, ar, nick
    first_var: int
    family_var: int
    first_only: bool = False
    cin_style: bool = False  # "FAMILY First" in capitals, as read off the ID card
    with_nickname: bool = False


def _years(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _name_fields(real: _Real, shown: _Shown) -> tuple[str | None, str | None, str | None]:
    """(name_ar, name_lat, nickname) of a record."""
    mode = shown.mode
    if mode in ("ar", "both") and real.first[0] is None:
        mode = "lat"  # migrants' names are written in Latin script only
    if mode == "nick":
        return None, None, real.nickname
    name_ar = name_lat = None
    if mode in ("both", "ar"):
        name_ar = real.first[0] if shown.first_only else f"{real.first[0]} {real.family[0]}"
    if mode in ("both", "lat"):
        first = real.first[1][shown.first_var]
        family = real.family[1][shown.family_var]
        if shown.first_only:
            name_lat = first
        elif shown.cin_style:
            name_lat = f"{family.upper()} {first}"
        else:
            name_lat = f"{first} {family}"
    return name_ar, name_lat, real.nickname if shown.with_nickname else None


class _PersonMaker:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.cins: set[str] = set()
        self.mode = _Picker(rng, (("both", 60), ("lat", 20), ("ar", 15), ("nick", 5)))
        self.copy_op = _Picker(rng, (("variant", 35), ("ar", 20), ("lat", 20), ("nick", 15),
                                     ("first_only", 10)))

    def _variant(self, entry: NameEntry) -> int:
        n = len(entry[1])
        # the first spelling is the commonest: weights n, n-1, ..., 1
        return self.rng.choices(range(n), cum_weights=[(i + 1) * (2 * n - i) // 2
                                                       for i in range(n)])[0]

    def _other_variant(self, entry: NameEntry, current: int) -> int:
        n = len(entry[1])
        if n == 1:
            return current
        v = self.rng.randrange(n - 1)
        return v + 1 if v >= current else v

    def _cin(self) -> str:
        rng = self.rng
        while True:
            cin = rng.choice(CIN_PREFIXES) + str(rng.randrange(10 ** rng.randint(4, 6))).zfill(4)
            if cin not in self.cins:
                self.cins.add(cin)
                return cin

    def real(self) -> _Real:
        rng = self.rng
        sex = "male" if rng.random() < 0.74 else "female"
        r = rng.random()
        if r < 0.12:
            age = rng.randint(7, 17)
        elif r < 0.22:
            age = rng.randint(60, 88)
        else:
            age = int(rng.triangular(18, 60, 34))
        birth = self.today - timedelta(days=age * 365 + rng.randrange(365) + age // 4)
        migrant = age >= 16 and rng.random() < 0.06
        if migrant:
            firsts = MIGRANT_MALE_NAMES if sex == "male" else MIGRANT_FEMALE_NAMES
            families = MIGRANT_FAMILY_NAMES
        else:
            firsts = MALE_NAMES if sex == "male" else FEMALE_NAMES
            families = FAMILY_NAMES
        flags: list[str] = []
        if age < 18:
            flags.append("minor")
        if sex == "female" and 16 <= age <= 44 and rng.random() < 0.08:
            flags.append("pregnant")
        for code, p in (("disability_motor", 0.04), ("disability_visual", 0.015),
                        ("disability_hearing", 0.01), ("disability_mental", 0.025),
                        ("chronic_illness", 0.12), ("mental_health", 0.15)):
            if rng.random() < p:
                flags.append(code)
        if age >= 15 and rng.random() < (0.28 if sex == "male" else 0.12):
            flags.append("addiction")
        if age >= 60:
            flags.append("elderly")
        if migrant:
            flags.append("migrant")
        cin = self._cin() if age >= 18 and not migrant and rng.random() < 0.52 else None
        nickname = rng.choice(NICKNAMES[sex]) if rng.random() < 0.3 else None
        return _Real(sex, birth, migrant, rng.choice(firsts), rng.choice(families), flags, cin,
                     nickname)

    def shown(self, real: _Real) -> _Shown:
        rng = self.rng
        mode = self.mode()
        if mode == "nick" and real.nickname is None:
            real.nickname = rng.choice(NICKNAMES[real.sex])
        return _Shown(mode, self._variant(real.first), self._variant(real.family),
                      first_only=mode != "nick" and rng.random() < 0.1,
                      cin_style=real.cin is not None and rng.random() < 0.1,
                      with_nickname=mode != "nick" and real.nickname is not None
                      and rng.random() < 0.25)

    def shown_again(self, real: _Real, before: _Shown) -> _Shown:
        """How another team records the same person: never with the very same names."""
        rng = self.rng
        op = self.copy_op()
        new = _Shown(before.mode, before.first_var, before.family_var)
        if op == "variant":
            new.mode = before.mode if before.mode in ("both", "lat") else "both"
            new.first_var = self._other_variant(real.first, before.first_var)
            if rng.random() < 0.6 or new.first_var == before.first_var:
                new.family_var = self._other_variant(real.family, before.family_var)
        elif op in ("ar", "lat"):
            new.mode = op
            new.first_var, new.family_var = self._variant(real.first), self._variant(real.family)
        elif op == "nick":
            if real.nickname is None:
                real.nickname = rng.choice(NICKNAMES[real.sex])
            if rng.random() < 0.6:
                new.mode = "nick"
            else:
                new.mode, new.first_only, new.with_nickname = rng.choice(("ar", "lat")), True, True
        else:
            new.mode, new.first_only = rng.choice(("ar", "lat")), True
        old = _name_fields(real, before)
        if _name_fields(real, new) == old:
            for mode in ("ar", "lat", "both"):
                new = _Shown(mode, self._other_variant(real.first, before.first_var),
                             before.family_var)
                if _name_fields(real, new) != old:
                    break
            else:
                if real.nickname is None or old[2] == real.nickname:
                    real.nickname = next(n for n in NICKNAMES[real.sex] if n != old[2])
                new = _Shown("nick", 0, 0)
        return new


# --- the generator ---------------------------------------------------------------------------


@dataclass(slots=True)
class _PersonRecord:
    real: int  # index of the real person
    values: Values
    approx_error: int | None  # None: birth date known; else error of the approximate age
    weight: int  # how often the person is met again (0: met once)


@dataclass(slots=True)
class _Patrol:
    values: Values
    night: date
    start_min: int  # minutes after midnight of ``night``
    encounters: int


class _Generator:
    def __init__(self, store: Store, persons: int, encounters: int, seed: int,
                 today: date) -> None:
        self.n_persons = max(0, persons)
        self.n_encounters = max(0, encounters)
        self.rng = random.Random(seed)
        self.today = today
        self.province = store.profile.province
        self.communes, self.landmarks = _places(self.province)
        self.pick_orientation = _Picker(self.rng, ORIENTATIONS)
        self.pick_refusal = _Picker(self.rng, REFUSALS)
        self.pick_outcome = _Picker(self.rng, OUTCOMES)
        self.pick_situation = _Picker(self.rng, SITUATIONS)
        self.pick_status = _Picker(self.rng, CASE_STATUSES)
        self.pick_closure = _Picker(self.rng, CLOSURES)
        self.pick_middle = _Picker(self.rng, MIDDLE_EVENTS)
        self.social_workers = [self._staff_name() for _ in range(6)]

    def _staff_name(self) -> str:
        rng = self.rng
        first = rng.choice(MALE_NAMES if rng.random() < 0.55 else FEMALE_NAMES)
        return f"{first[1][0]} {rng.choice(FAMILY_NAMES)[1][0]}"

    def _day(self, lo: date, hi: date) -> date:
        span = (hi - lo).days
        return lo if span <= 0 else lo + timedelta(days=self.rng.randint(0, span))

    # --- plan: everything is decided before the first write, so totals are known --------

    def plan(self) -> None:
        self._plan_shelters()
        self._plan_persons()
        self._plan_patrols()
        self._plan_meetings()
        self._finish_persons()
        self._plan_cases()

    def _plan_shelters(self) -> None:
        rng = self.rng
        communes = list(self.communes)
        area_code = PHONE_AREAS.get(divisions.province(self.province).region_code, "22")
        self.shelters: list[Values] = []
        for name_fr, name_ar in rng.sample(SHELTERS, rng.randint(6, 10)):
            self.shelters.append({
                "name_fr": name_fr, "name_ar": name_ar, "capacity": rng.randint(15, 120),
                "commune": rng.choice(communes),
                "address": f"{rng.randint(1, 120)}, {rng.choice(STREETS)}",
                "phone": " ".join(["05", area_code,
                                   *(f"{rng.randrange(100):02d}" for _ in range(3))]),
            })
        capacities = [s["capacity"] for s in self.shelters]
        self.shelter_cum = [sum(capacities[:i + 1]) for i in range(len(capacities))]

    def _plan_persons(self) -> None:
        rng, n = self.rng, self.n_persons
        maker = _PersonMaker(rng, self.today)
        n_copies = round(n * 0.08) if n >= 2 else 0
        n_real = n - n_copies
        self.reals = [maker.real() for _ in range(n_real)]
        originals: list[_PersonRecord] = []
        shown_of: list[_Shown] = []
        for i, real in enumerate(self.reals):
            shown = maker.shown(real)
            shown_of.append(shown)
            known = (real.cin is not None and rng.random() < 0.85) or rng.random() < 0.25
            error: int | None = None if known else rng.choice((-3, -2, -1, 0, 0, 0, 1, 2, 3))
            weight = 0 if rng.random() < 0.45 else min(60, int(rng.paretovariate(1.1)))
            originals.append(_PersonRecord(i, self._person_values(real, shown, True), error,
                                           weight))
        # (position, record, is a copy): each copy comes after its original, as another team
        # met the person later
        placed = [(float(i), rec, False) for i, rec in enumerate(originals)]
        for _ in range(n_copies):
            i = rng.randrange(n_real)
            real = self.reals[i]
            shown = maker.shown_again(real, shown_of[i])
            values = self._person_values(real, shown, rng.random() < 0.35)
            error = rng.choice((-5, -4, -3, -2, 2, 3, 4, 5))
            if originals[i].approx_error is None and rng.random() < 0.5:
                error = None  # the birth date was given again
            placed.append((rng.uniform(i + 0.5, n_real + 0.5),
                           _PersonRecord(i, values, error, int(rng.random() < 0.3)), True))
        placed.sort(key=lambda t: t[0])
        self.persons = [rec for _, rec, _ in placed]
        first_record: dict[int, int] = {}
        self.pairs: list[tuple[int, int]] = []  # (original, copy) indexes in self.persons
        for k, (_, rec, is_copy) in enumerate(placed):
            if is_copy:
                self.pairs.append((first_record[rec.real], k))
            else:
                first_record[rec.real] = k

    def _person_values(self, real: _Real, shown: _Shown, show_cin: bool) -> Values:
        rng = self.rng
        name_ar, name_lat, nickname = _name_fields(real, shown)
        v: Values = {"sex": real.sex, "consent": rng.random() < 0.75}
        if name_ar:
            v["name_ar"] = name_ar
        if name_lat:
            v["name_lat"] = name_lat
        if nickname:
            v["nickname"] = nickname
        if real.cin and show_cin:
            v["cin"] = real.cin
        flags = [f for f in real.flags
                 if f in ("minor", "elderly", "pregnant", "migrant") or rng.random() < 0.8]
        if flags:
            v["flags"] = flags
        if rng.random() < 0.3:
            v["description"] = rng.choice(DESCRIPTIONS)
        if rng.random() < 0.12:
            v["notes"] = rng.choice(PERSON_NOTES)
        return v

    def _plan_patrols(self) -> None:
        rng, today = self.rng, self.today
        n = -(-self.n_encounters // ENCOUNTERS_PER_PATROL) if self.n_encounters else 0
        teams = max(2, -(-n // HORIZON_DAYS))
        self.rosters = [[self._staff_name() for _ in range(5)] for _ in range(teams)]
        communes = list(self.communes)
        nights: list[tuple[date, int]] = [(today, 0)] if n else []
        back = 1
        while len(nights) < n:
            for team in range(teams):
                if len(nights) < n:
                    nights.append((today - timedelta(days=back), team))
            back += 1
        nights.sort()
        self.patrols: list[_Patrol] = []
        weights: list[float] = []
        for night, team in nights:
            tonight = night == today
            start_min = 19 * 60 + 30 + 5 * rng.randrange(19)
            start = datetime.combine(night, datetime.min.time()) + timedelta(minutes=start_min)
            commune = communes[team % len(communes)] if rng.random() < 0.8 else rng.choice(
                communes)
            v: Values = {
                "date": night, "team": f"Équipe mobile {team + 1}",
                "members": rng.sample(self.rosters[team], rng.randint(2, 4)),
                "commune": commune, "area": rng.choice(self.communes[commune]),
                "started_at": start,
            }
            if not tonight:
                v["ended_at"] = start + timedelta(minutes=6 * 60 + 5 * rng.randrange(18))
            if rng.random() < 0.08:
                v["notes"] = rng.choice(PATROL_NOTES)
            self.patrols.append(_Patrol(v, night, start_min, 0))
            winter = 1.3 if night.month in (12, 1, 2) else 1.0
            weights.append(0.3 if tonight else rng.uniform(0.4, 1.6) * winter)
        # share the encounters out in proportion to the weights (largest remainders)
        total_w = sum(weights)
        shares = [self.n_encounters * w / total_w for w in weights] if weights else []
        counts = [int(s) for s in shares]
        rest = self.n_encounters - sum(counts)
        for i in sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])[:rest]:
            counts[i] += 1
        for p, c in zip(self.patrols, counts, strict=True):
            p.encounters = c

    def _window(self, p: _Patrol) -> int:
        """Minutes after the start in which the patrol meets people."""
        if "ended_at" in p.values:
            ended: datetime = p.values["ended_at"]
            started: datetime = p.values["started_at"]
            return max(1, int((ended - started).total_seconds() // 60) - 20)
        return max(1, 24 * 60 - 5 - p.start_min - 10)  # tonight: until just before midnight

    def _plan_meetings(self) -> None:
        """Who is met at each encounter, in time order: every person's first meeting is spread
        over the period (in record order), later meetings go to the often-met few."""
        rng, n_persons = self.rng, len(self.persons)
        e = self.n_encounters
        self.anonymous = array("b", (rng.random() < 0.15 or n_persons == 0 for _ in range(e)))
        self.met = array("l", [-1]) * e
        self.offsets = array("l", [0]) * e
        self.first_seen: list[date | None] = [None] * n_persons
        named_left = e - sum(self.anonymous)
        introduced = 0
        pool: list[int] = []
        slot = 0
        for p in self.patrols:
            window = self._window(p)
            for off in sorted(rng.randrange(window) for _ in range(p.encounters)):
                self.offsets[slot] = minutes = off + 10
                if not self.anonymous[slot]:
                    new_left = n_persons - introduced
                    if new_left and (introduced == 0 or rng.random() * named_left < new_left):
                        k = introduced
                        introduced += 1
                        day = p.night + timedelta(days=(p.start_min + minutes) // 1440)
                        self.first_seen[k] = day
                        pool.extend([k] * self.persons[k].weight)
                    elif pool:
                        k = pool[rng.randrange(len(pool))]
                    else:
                        k = rng.randrange(introduced)
                    self.met[slot] = k
                    named_left -= 1
                slot += 1

    def _finish_persons(self) -> None:
        """Ages: a birth date, or an approximate age noted when the person was first met."""
        horizon = self.today - timedelta(days=HORIZON_DAYS)
        for k, rec in enumerate(self.persons):
            seen = self.first_seen[k]
            if seen is None:  # met at a centre, not on a patrol
                seen = self.first_seen[k] = self._day(horizon, self.today)
            birth = self.reals[rec.real].birth
            if rec.approx_error is None:
                rec.values["birth_date"] = birth
            else:
                rec.values["approx_age"] = max(0, _years(birth, seen) + rec.approx_error)
                rec.values["age_noted_on"] = seen

    def _target_group(self, real: _Real, on: date) -> str:
        age = _years(real.birth, on)
        if age < 18:
            return "girl_difficult" if real.sex == "female" else "child_difficult"
        if age >= 60:
            return "elderly_no_support"
        if any(f in DISABILITIES for f in real.flags):
            return "disability"
        if real.sex == "female":
            return "woman_difficult"
        return "street_situation"

    def _plan_cases(self) -> None:
        rng, today = self.rng, self.today
        n_cases = round(len(self.persons) * 0.05)
        copies = {b for _, b in self.pairs}
        originals = [k for k in range(len(self.persons)) if k not in copies]
        # weighted sample without replacement (Efraimidis-Spirakis): the vulnerable first

        def key(k: int) -> float:
            real = self.reals[self.persons[k].real]
            w = 1.0
            if real.sex == "female" or any(f in ("minor", "elderly", "pregnant", *DISABILITIES)
                                           for f in real.flags):
                w = 4.0
            return float(rng.random() ** (1 / w))

        keyed = [(key(k), k) for k in originals]
        keyed.sort(reverse=True)
        chosen = [k for _, k in keyed[:n_cases]]
        opened = {}
        for k in chosen:
            seen = self.first_seen[k]
            assert seen is not None
            opened[k] = self._day(seen, min(today, seen + timedelta(days=60)))
        chosen.sort(key=lambda k: (opened[k], k))
        self.cases: list[tuple[int, Values]] = []  # (person index, values)
        self.events: list[tuple[int, Values]] = []  # (case index, values)
        self.referrals: list[tuple[int, int, Values]] = []  # (person, case, values)
        for c, k in enumerate(chosen):
            self._plan_case(c, k, opened[k])

    def _plan_case(self, c: int, k: int, opened_on: date) -> None:
        rng, today = self.rng, self.today
        real = self.reals[self.persons[k].real]
        group = self._target_group(real, opened_on)
        status = self.pick_status()
        if status == "closed" and opened_on == today:
            status = "open"
        worker = rng.choice(self.social_workers)
        case: Values = {"target_group": group, "status": status, "opened_on": opened_on,
                        "assigned_to": worker, "summary": rng.choice(CASE_SUMMARIES[group])}
        closed_on = None
        if status == "closed":
            closed_on = self._day(opened_on + timedelta(days=1), today)
            case.update(closed_on=closed_on, closure_reason=self.pick_closure())
        self.cases.append((k, case))
        referred = status == "referred" or rng.random() < 0.18
        tail = ["referral"] if referred else []
        # a closed case ends with its closure; an open one with its next step, due soon or late
        tail.append("closure" if status == "closed" else "follow_up")
        kinds = ["listening"]
        n_events = max(rng.randint(2, 8), len(tail) + 1)
        while len(kinds) + len(tail) < n_events:
            kinds.append("assessment" if len(kinds) == 1 else self.pick_middle())
        kinds += tail
        end = closed_on or today
        next_step = status != "closed"
        due = today
        if next_step:
            due = today + timedelta(days=rng.randint(-15, 30))
            end = max(opened_on, min(today, due - timedelta(days=rng.randint(3, 14))))
            due = max(due, end + timedelta(days=1))
        days = sorted(self._day(opened_on, end) for _ in kinds)
        days[0], days[-1] = opened_on, end
        last = len(kinds) - 1
        for i, (kind, day) in enumerate(zip(kinds, days, strict=True)):
            ev: Values = {"event_type": kind, "date": day, "assigned_to": worker}
            if kind == "plan_action":
                ev["summary"] = rng.choice(PLAN_ACTIONS)
                ev["due_date"] = day + timedelta(days=rng.randint(7, 45))
            else:
                ev["summary"] = rng.choice(EVENT_SUMMARIES[kind])
            if kind == "follow_up":
                ev["due_date"] = due if i == last else day + timedelta(days=rng.randint(3, 30))
            if kind == "closure":
                ev["closure_reason"] = case["closure_reason"]
            if "due_date" in ev and i != last:
                # earlier steps: mostly done, some forgotten (overdue), a few done early
                step_due: date = ev["due_date"]
                if step_due <= today:
                    if status == "closed" or rng.random() < 0.8:
                        ev["done_on"] = self._day(day, min(step_due, end))
                elif status == "closed" or rng.random() < 0.3:
                    ev["done_on"] = self._day(day, end)
            if kind == "referral":
                self._plan_referral(c, k, group, day, status)
            self.events.append((c, ev))

    def _plan_referral(self, c: int, k: int, group: str, sent_on: date, case_status: str) -> None:
        rng, today = self.rng, self.today
        kind = rng.choice(REFERRAL_TYPES[group])
        if case_status == "closed":
            status = rng.choice(("completed", "completed", "accepted", "refused"))
        else:
            status = rng.choice(("sent", "sent", "accepted", "accepted", "refused", "completed"))
        v: Values = {"institution_type": kind, "institution_name": rng.choice(INSTITUTIONS[kind]),
                     "status": status, "sent_on": sent_on}
        if status != "sent":
            v["status_on"] = self._day(sent_on, min(today, sent_on + timedelta(days=20)))
        self.referrals.append((k, c, v))

    # --- later edits ------------------------------------------------------------------------

    def plan_updates(self) -> list[tuple[str, int, Values]]:
        """A handful of edits made after the records were created: (kind, index, changes)."""
        today, rng = self.today, self.rng
        edits: list[tuple[str, int, Values]] = []
        if self.shelters:
            smallest = min(range(len(self.shelters)),
                           key=lambda i: self.shelters[i]["capacity"])
            cap = self.shelters[smallest]["capacity"]
            edits.append(("shelter", smallest, {"capacity": min(120, cap + 10) if cap < 120
                                                else cap - 10}))
        opened = [c for c, (_, v) in enumerate(self.cases) if v["status"] == "open"]
        for c in opened[-2:]:
            edits.append(("case", c, {"status": "in_progress"}))
        sent = [r for r, (_, _, v) in enumerate(self.referrals) if v["status"] == "sent"]
        if sent:
            edits.append(("referral", sent[-1], {"status": "accepted", "status_on": today}))
        upcoming = [i for i, (_, v) in enumerate(self.events)
                    if v["event_type"] == "follow_up" and "done_on" not in v
                    and v["due_date"] >= today]
        if upcoming:
            edits.append(("case_event", upcoming[0], {"done_on": today}))
        refusing = [k for k, rec in enumerate(self.persons) if not rec.values["consent"]]
        for k in refusing[:2]:
            edits.append(("person", k, {"consent": True, "notes": rng.choice(
                ("A donné son accord pour l'accompagnement.", "وافق على المواكبة."))}))
        if self.patrols and "ended_at" not in self.patrols[-1].values:
            edits.append(("patrol", len(self.patrols) - 1,
                          {"notes": "Patrouille en cours, renfort demandé."}))
        return edits

    # --- writing --------------------------------------------------------------------------

    def encounter_values(self, patrol_ids: Sequence[str], person_ids: Sequence[str],
                         shelter_ids: Sequence[str]) -> Iterator[Values]:
        rng = self.rng
        province = self.province
        slot = 0
        for p, patrol_id in zip(self.patrols, patrol_ids, strict=True):
            base = datetime.combine(p.night, datetime.min.time()) + timedelta(minutes=p.start_min)
            winter = p.night.month in (11, 12, 1, 2, 3)
            for _ in range(p.encounters):
                k = self.met[slot]
                met_at = base + timedelta(minutes=self.offsets[slot])
                slot += 1
                v: Values = {"province": province, "patrol_id": patrol_id,
                             "met_at": met_at.isoformat(timespec="minutes"),
                             "location": rng.choice(self.landmarks),
                             "situation": self.pick_situation()}
                flags: list[str] = []
                if k < 0:
                    age = rng.randint(8, 17) if rng.random() < 0.1 else rng.randint(18, 80)
                    v.update(anonymous=True, sex="male" if rng.random() < 0.75 else "female",
                             approx_age=age, consent=False)
                    if age < 18:
                        flags.append("minor")
                else:
                    person = self.persons[k].values
                    v.update(person_id=person_ids[k], sex=person["sex"],
                             consent=person["consent"])
                    flags = [f for f in person.get("flags", ()) if rng.random() < 0.5]
                if flags:
                    v["flags"] = flags
                services = [code for code, prob in SERVICES
                            if rng.random() < (0.6 if code == "blanket" and winter else prob)]
                orientation = self.pick_orientation()
                if "medical_check" in services and rng.random() < 0.6:
                    outcome = self.pick_outcome()
                    v["medical_outcome"] = outcome
                    if outcome in ("referred_hospital", "emergency"):
                        orientation = "hospital"
                if orientation == "shelter":
                    v["shelter_id"] = shelter_ids[rng.choices(range(len(shelter_ids)),
                                                              cum_weights=self.shelter_cum)[0]]
                elif orientation == "refused":
                    v["refusal_reason"] = self.pick_refusal()
                if orientation in ("shelter", "hospital") and rng.random() < 0.7:
                    services.append("transport")
                v["orientation"] = orientation
                if services:
                    v["services"] = services
                if rng.random() < 0.08:
                    v["notes"] = rng.choice(ENCOUNTER_NOTES)
                yield v


def generate(store: Store, persons: int, encounters: int, *, seed: int = 7,
             today: date | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill ``store`` (in its province) with ``persons`` persons and ``encounters`` encounters,
    plus shelters, patrols, cases, case events, referrals and a few later edits.

    Writes go through the repositories in transactions of about :data:`BATCH` records;
    ``progress(done, total)`` is called after each. ``today`` (default: the real date) anchors
    every date; it must not be later than the real date, which the record rules check.
    """
    today = today or date.today()
    g = _Generator(store, persons, encounters, seed, today)
    g.plan()
    edits = g.plan_updates()
    total = (len(g.shelters) + len(g.persons) + len(g.patrols) + g.n_encounters + len(g.cases)
             + len(g.events) + len(g.referrals) + len(edits))
    done = 0

    def write(repo: Repository, values: Iterable[Values]) -> list[str]:
        nonlocal done
        ids: list[str] = []
        it = iter(values)
        province = g.province
        while batch := list(islice(it, BATCH)):
            for v in batch:
                v.setdefault("province", province)
            ids.extend(repo.create_many(batch))
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return ids

    shelter_ids = write(store.shelters, g.shelters)
    person_ids = write(store.persons, (rec.values for rec in g.persons))
    patrol_ids = write(store.patrols, (p.values for p in g.patrols))
    write(store.encounters, g.encounter_values(patrol_ids, person_ids, shelter_ids))
    case_ids = write(store.cases, ({**v, "person_id": person_ids[k]} for k, v in g.cases))
    event_ids = write(store.case_events, ({**v, "case_id": case_ids[c]} for c, v in g.events))
    referral_ids = write(store.referrals, ({**v, "person_id": person_ids[k],
                                            "case_id": case_ids[c]} for k, c, v in g.referrals))
    ids_of: Mapping[str, Sequence[str]] = {
        "shelter": shelter_ids, "person": person_ids, "patrol": patrol_ids, "case": case_ids,
        "case_event": event_ids, "referral": referral_ids}
    for kind, index, changes in edits:
        store.repo(kind).update(ids_of[kind][index], changes)
        done += 1
    if edits and progress is not None:
        progress(done, total)
    return DemoSummary(
        shelters=len(shelter_ids), persons=len(person_ids), patrols=len(patrol_ids),
        encounters=g.n_encounters, anonymous_encounters=sum(g.anonymous), cases=len(case_ids),
        case_events=len(event_ids), referrals=len(referral_ids), updates=len(edits),
        same_person_pairs=[(person_ids[a], person_ids[b]) for a, b in g.pairs])
