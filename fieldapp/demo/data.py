"""Tables behind the demo data: names in both scripts with their spelling variants, places,
shelters, texts, and the weights of choices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldapp.domain import divisions

if TYPE_CHECKING:
    pass

Values = dict[str, Any]
NameEntry = tuple[str | None, tuple[str, ...]]  # Arabic spelling, Latin variants (commonest first)


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
عبد السلام = Abdeslam, Abdessalam, Abdesselam
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
- = Seydou, Seidou
- = Boubacar, Boubakar
- = Souleymane, Souleiman
- = Aliou, Alioune
- = Bakary, Bakari
- = Sekou, Sékou
- = Idrissa, Idrisa
- = Alassane, Alasane
- = Modibo
- = Mory, Mori
""")
MIGRANT_FEMALE_NAMES = _table("""
- = Aminata, Aminatou
- = Fatoumata, Fatimata
- = Mariama, Mariam
- = Awa, Awah
- = Aïssatou, Aissatou
- = Kadiatou, Kadiatu
- = Hawa, Haoua
- = Bintou, Bintu
- = Djeneba, Dieneba
- = Oumou, Umu
- = Ramatou, Ramata
- = Salimata, Salimatou
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
- = Diop, Diope
- = Sylla, Sila
- = Cissé, Cisse
- = Sangaré, Sangare
- = Konaté, Konate
- = Dembélé, Dembele
- = Diarra, Diara
- = Fofana, Fofanah
- = Sissoko, Sisoko
- = Kouyaté, Kouyate
- = Ouattara, Watara
- = Doumbia, Dumbia
- = Diakité, Diakite
- = Bamba
- = Kanté, Kante
- = Mbaye, M'Baye
""")

# Nicknames of one's own, that say nothing of the person's name (many people answer to the
# commonest of them: Rasta, L'hadj, Hajja).
NICKNAMES = {
    "male": ("L'hadj", "Chinwi", "Lmaâlem", "Rasta", "Sahraoui", "Chriki",
             "Moul Zrabi", "Lbrazili", "Kiki", "Haj Moussa", "الحاج", "الشريف", "المعلم",
             "الصحراوي", "الشينوي", "ولد الدرب"),
    "female": ("Hajja", "Mimi", "Chama", "Zahwa", "الحاجة", "الشريفة"),
}

# What people call someone of a given first name (Arabic spelling as in the name tables):
# a short form (Simo for Mohamed, Fatna for Fatima), or a title before the name (Mi Fatna,
# Ba Driss). A record may carry nothing else.
NAME_NICKNAMES: dict[str, tuple[str, ...]] = {
    "محمد": ("Simo", "Moha", "Hammou", "سيمو", "موحا", "حمو"),
    "أحمد": ("Hmida", "Hamid", "حميدة"),
    "عبد القادر": ("Kaddour", "قدور"),
    "عبد العزيز": ("Zizou", "زيزو"),
    "عبد السلام": ("Sellam", "سلام"),
    "بوشعيب": ("Bouchta", "بوشتى"),
    "إدريس": ("Ba Driss", "با إدريس"),
    "فاطمة": ("Fatna", "Fettouma", "Mi Fatna", "فاطنة", "فطومة", "مي فاطنة"),
    "خديجة": ("Khadouj", "Mama Khadija", "خدوج"),
    "عائشة": ("Aichoucha", "مي عيشة", "عيشوشة"),
    "زهرة": ("Lalla Zohra", "لالة زهرة"),
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


