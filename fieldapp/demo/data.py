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

# Places and free text come in both languages, (French or Latin script, Arabic): the
# generator writes the vault's language (see ``in_language``); a few landmarks keep the other
# script, as on the street's own signs.
Bilingual = tuple[str, str]
Places = tuple[dict[Bilingual, tuple[Bilingual, ...]], tuple[Bilingual, ...]]


def in_language(text: Bilingual, lang: str) -> str:
    """The French (or Latin-script) or the Arabic side of a bilingual text."""
    return text[1] if lang == "ar" else text[0]


# Communes (or arrondissements) with areas, and landmarks where teams meet people, for the
# provinces the agency's demos are usually run in; other provinces get generic places.
PLACES: dict[str, Places] = {
    "rabat": (
        {("Hassan", "حسان"): (("Médina", "المدينة القديمة"), ("Océan", "المحيط"),
                               ("Bab El Had", "باب الأحد"), ("Centre-ville", "وسط المدينة")),
         ("Agdal-Riyad", "أكدال الرياض"): (("Agdal", "أكدال"), ("Hay Riad", "حي الرياض"),
                                           ("Gare Agdal", "محطة أكدال")),
         ("Yacoub El Mansour", "يعقوب المنصور"): (("Akkari", "العكاري"),
                                                  ("Hay El Fath", "حي الفتح"),
                                                  ("Douar El Kora", "دوار الكورة")),
         ("El Youssoufia", "اليوسفية"): (("Takaddoum", "التقدم"), ("Hay Nahda", "حي النهضة"),
                                         ("Douar El Hajja", "دوار الحاجة")),
         ("Souissi", "السويسي"): (("Souissi", "السويسي"), ("Aviation", "حي الطيران"))},
        (("Gare Rabat-Ville", "محطة الرباط المدينة"), ("Bab El Had", "باب الأحد"),
         ("Marché central", "السوق المركزي"), ("Bab Chellah", "باب شالة"),
         ("Avenue Mohammed V", "شارع محمد الخامس"),
         ("Gare routière Kamra", "المحطة الطرقية القامرة"),
         ("Bab Lahdid", "باب الحديد"), ("Place Pietri", "ساحة بييتري"),
         ("Rue Souika", "زنقة السويقة"), ("Gare Rabat-Agdal", "محطة الرباط أكدال"),
         ("Marché Akkari", "سوق العكاري"), ("Jardin d'essais", "حديقة التجارب")),
    ),
    "casablanca": (
        {("Sidi Belyout", "سيدي بليوط"): (("Centre-ville", "وسط المدينة"),
                                          ("Casa-Port", "الدار البيضاء الميناء"),
                                          ("Place des Nations Unies", "ساحة الأمم المتحدة")),
         ("Anfa", "أنفا"): (("Maârif", "المعاريف"), ("Aïn Diab", "عين الذئاب"),
                            ("Racine", "راسين")),
         ("Al Fida", "الفداء"): (("Derb Omar", "درب عمر"), ("Derb Sultan", "درب السلطان"),
                                 ("Garage Allal", "كراج علال")),
         ("Mers Sultan", "مرس السلطان"): (("Mers Sultan", "مرس السلطان"),
                                          ("Derb Ghallef", "درب غلف")),
         ("Hay Mohammadi", "الحي المحمدي"): (("Carrières centrales", "كاريان سنطرال"),
                                             ("Hay Mohammadi", "الحي المحمدي"))},
        (("Gare Casa-Voyageurs", "محطة الدار البيضاء المسافرين"),
         ("Gare Casa-Port", "محطة الدار البيضاء الميناء"), ("Marché central", "السوق المركزي"),
         ("Derb Omar", "درب عمر"), ("Place des Nations Unies", "ساحة الأمم المتحدة"),
         ("Gare routière Ouled Ziane", "المحطة الطرقية أولاد زيان"),
         ("Bab Marrakech", "باب مراكش"), ("Corniche Aïn Diab", "كورنيش عين الذئاب"),
         ("Parc de la Ligue arabe", "حديقة الجامعة العربية"),
         ("Boulevard Mohammed V", "شارع محمد الخامس"), ("Marché Garage Allal", "سوق القريعة"),
         ("Ancienne médina", "المدينة القديمة")),
    ),
    "marrakech": (
        {("Médina", "المدينة"): (("Jemaa El Fna", "جامع الفنا"), ("Bab Doukkala", "باب دكالة"),
                                 ("Mellah", "الملاح"), ("Bab Ftouh", "باب الفتوح")),
         ("Guéliz", "جليز"): (("Guéliz", "جليز"), ("Gare", "المحطة"),
                              ("Hivernage", "الحي الشتوي")),
         ("Ménara", "المنارة"): (("Massira", "المسيرة"), ("Bab Jdid", "باب الجديد")),
         ("Sidi Youssef Ben Ali", "سيدي يوسف بن علي"): (
             ("Sidi Youssef Ben Ali", "سيدي يوسف بن علي"), ("Bab Aghmat", "باب أغمات"))},
        (("Jemaa El Fna", "ساحة جامع الفنا"), ("Gare de Marrakech", "محطة مراكش"),
         ("Bab Doukkala", "باب دكالة"), ("Gare routière Bab Doukkala", "المحطة الطرقية باب دكالة"),
         ("Marché central Guéliz", "السوق المركزي بجليز"), ("Bab Ftouh", "باب الفتوح"),
         ("Avenue Mohammed VI", "شارع محمد السادس"), ("Mellah", "الملاح"),
         ("Bab Aghmat", "باب أغمات"), ("Souk El Khemis", "سوق الخميس")),
    ),
    "fes": (
        {("Fès-Médina", "فاس المدينة"): (("Bab Boujloud", "باب بوجلود"), ("Batha", "البطحاء"),
                                         ("Bab Ftouh", "باب الفتوح")),
         ("Agdal", "أكدال"): (("Ville nouvelle", "المدينة الجديدة"),
                              ("Place Florence", "ساحة فلورنسا"), ("Gare", "المحطة")),
         ("Jnan El Ouard", "جنان الورد"): (("Jnan El Ouard", "جنان الورد"),
                                           ("Aïn Kadous", "عين قادوس")),
         ("Saïss", "سايس"): (("Route d'Immouzer", "طريق إيموزار"), ("Hay Saïss", "حي سايس"))},
        (("Bab Boujloud", "باب بوجلود"), ("Gare de Fès", "محطة فاس"),
         ("Place Florence", "ساحة فلورنسا"), ("Bab Ftouh", "باب الفتوح"), ("Batha", "البطحاء"),
         ("Gare routière Bab Mahrouk", "المحطة الطرقية باب المحروق"),
         ("Avenue Hassan II", "شارع الحسن الثاني")),
    ),
    "tanger-assilah": (
        {("Tanger-Médina", "طنجة المدينة"): (("Grand Socco", "السوق البراني"),
                                             ("Petit Socco", "السوق الداخل"),
                                             ("Kasbah", "القصبة")),
         ("Charf-Souani", "الشرف السواني"): (("Souani", "السواني"), ("Charf", "الشرف")),
         ("Beni Makada", "بني مكادة"): (("Beni Makada", "بني مكادة"), ("Bir Chifa", "بئر الشفاء")),
         ("Charf-Mghogha", "الشرف مغوغة"): (("Mghogha", "مغوغة"),
                                            ("Gare Tanger-Ville", "محطة طنجة المدينة"))},
        (("Grand Socco", "السوق البراني"), ("Gare Tanger-Ville", "محطة طنجة المدينة"),
         ("Port de Tanger", "ميناء طنجة"), ("Boulevard Pasteur", "شارع باستور"),
         ("Bab El Fahs", "باب الفحص"), ("Gare routière", "المحطة الطرقية"),
         ("Place de France", "ساحة فرنسا"), ("Souk Casabarata", "سوق كاسابراطا")),
    ),
}


def _places(code: str) -> Places:
    if code in PLACES:
        return PLACES[code]
    p = divisions.province(code)
    communes = {
        (p.fr, p.ar): (("Centre-ville", "وسط المدينة"), ("Ancienne médina", "المدينة القديمة"),
                       ("Quartier de la gare", "حي المحطة"), ("Souk", "السوق"),
                       ("Hay Salam", "حي السلام")),
        (f"{p.fr} périphérie", f"ضواحي {p.ar}"): (
            ("Quartier industriel", "الحي الصناعي"), ("Douar périphérique", "دوار الضاحية"),
            ("Route nationale", "الطريق الوطنية")),
    }
    landmarks = ((f"Gare routière de {p.fr}", f"المحطة الطرقية {p.ar}"),
                 ("Marché central", "السوق المركزي"), ("Ancienne médina", "المدينة القديمة"),
                 ("Souk hebdomadaire", "السوق الأسبوعي"),
                 (f"Place centrale de {p.fr}", f"الساحة المركزية ب{p.ar}"),
                 ("Jardin public", "الحديقة العمومية"),
                 ("Station de grands taxis", "محطة سيارات الأجرة الكبيرة"),
                 ("Sous le pont de l'oued", "تحت قنطرة الوادي"),
                 ("Devant la mosquée", "أمام المسجد"))
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
STREETS: tuple[Bilingual, ...] = (
    ("Avenue Hassan II", "شارع الحسن الثاني"), ("Boulevard Mohammed V", "شارع محمد الخامس"),
    ("Rue Ibn Khaldoun", "زنقة ابن خلدون"), ("Avenue des FAR", "شارع القوات المسلحة الملكية"),
    ("Rue Oqba Ibn Nafii", "زنقة عقبة بن نافع"), ("Hay Al Massira", "حي المسيرة"),
    ("Quartier Al Qods", "حي القدس"), ("Rue Al Moutanabbi", "زنقة المتنبي"))

# --- free text -----------------------------------------------------------------------------

DESCRIPTIONS: tuple[Bilingual, ...] = (
    ("Veste bleue, sac à dos noir", "سترة زرقاء وحقيبة ظهر سوداء"),
    ("Cicatrice sur la joue gauche", "ندبة على الخد الأيسر"),
    ("Toujours accompagné d'un chien", "يرافقه كلب دائماً"),
    ("Se déplace avec des béquilles", "يتنقل بعكازين"),
    ("Porte des lunettes", "يضع نظارات"),
    ("Parle peu, méfiant au premier contact", "قليل الكلام، حذر عند أول لقاء"),
    ("Barbe grise, bonnet rouge", "لحية رمادية وقبعة حمراء"),
    ("Djellaba marron, sandales", "جلباب بني ونعلان"),
    ("Tatouage sur l'avant-bras", "وشم على الساعد"),
    ("Porte un sac noir", "يحمل حقيبة سوداء"),
    ("Se déplace en fauteuil roulant", "يتنقل بكرسي متحرك"),
    ("S'assoit d'habitude près de la mosquée", "يجلس عادة قرب المسجد"),
    ("Cicatrice sur le front", "ندبة على الجبين"),
)
PERSON_NOTES: tuple[Bilingual, ...] = (
    ("Originaire de Béni Mellal, dit avoir de la famille à Salé.",
     "ينحدر من بني ملال، ويقول إن له أقارب في سلا."),
    ("Ne souhaite pas être photographié.", "لا يرغب في أن تُلتقط له صور."),
    ("Suivi par le centre de santé pour diabète.", "يتابعه المركز الصحي بسبب داء السكري."),
    ("A perdu sa CIN, démarches en cours à l'arrondissement.",
     "فقد بطاقته الوطنية، والإجراءات جارية لدى المقاطعة."),
    ("Travaille parfois comme gardien de voitures.", "يشتغل أحياناً حارساً للسيارات."),
    ("Dit dormir au même endroit depuis un an.", "يقول إنه ينام في المكان نفسه منذ سنة."),
    ("Dit avoir quitté la maison familiale il y a deux ans.",
     "يقول إنه غادر منزل الأسرة منذ سنتين."),
    ("A besoin d'un médicament régulièrement.", "يحتاج إلى دواء بشكل منتظم."),
    ("A une sœur à Casablanca.", "لديه أخت في الدار البيضاء."),
    ("Travaille parfois au souk.", "يشتغل أحياناً في السوق."),
)
ENCOUNTER_NOTES: tuple[Bilingual, ...] = (
    ("Nuit très froide, a accepté une deuxième couverture.",
     "ليلة شديدة البرودة، قبل غطاءً ثانياً."),
    ("Endormi, non réveillé.", "كان نائماً ولم نوقظه."),
    ("Demande à voir un médecin.", "يطلب رؤية طبيب."),
    ("A refusé de donner son nom.", "رفض الإفصاح عن اسمه."),
    ("Accompagné de deux autres personnes.", "برفقة شخصين آخرين."),
    ("Blessure légère à la main, pansement fait.", "جرح خفيف في اليد، تم تضميده."),
    ("Demande à contacter sa famille.", "يطلب الاتصال بأسرته."),
    ("En état d'ivresse.", "في حالة سكر."),
    ("A refusé d'aller au centre.", "رفض التوجه إلى المركز."),
    ("Se plaint d'une douleur à la poitrine.", "يشتكي من ألم في الصدر."),
)
PATROL_NOTES: tuple[Bilingual, ...] = (
    ("Nuit froide, forte demande de couvertures.", "ليلة باردة، طلب كبير على الأغطية."),
    ("Accompagnés par l'autorité locale.", "برفقة السلطة المحلية."),
    ("Avec l'infirmier du centre de santé.", "مع ممرض المركز الصحي."),
    ("Pluie, peu de personnes dehors.", "أمطار، قلة من الأشخاص في الشارع."),
    ("Véhicule en panne une heure.", "تعطلت السيارة لمدة ساعة."),
    ("Patrouille conjointe avec l'autorité locale.", "دورية مشتركة مع السلطة المحلية."),
)
# Edits made later to a few records (see ``_Generator.plan_updates``).
CONSENT_NOTE: Bilingual = ("A donné son accord pour l'accompagnement.", "وافق على المواكبة.")
PATROL_UPDATE_NOTE: Bilingual = ("Patrouille en cours, renfort demandé.",
                                 "دورية جارية، طُلب الدعم.")
CASE_SUMMARIES: dict[str, tuple[Bilingual, ...]] = {
    "child_difficult": (("Mineur en rupture familiale, médiation avec la mère envisagée.",
                         "قاصر منقطع عن أسرته، وساطة مرتقبة مع الأم."),
                        ("Enfant en situation de rue, tentative de réinsertion familiale.",
                         "طفل في وضعية الشارع، محاولة الإدماج الأسري.")),
    "girl_difficult": (("Jeune fille hébergée en urgence, famille à contacter.",
                        "فتاة أُويت بشكل استعجالي، يجب ربط الاتصال بالأسرة."),
                       ("Jeune fille en situation difficile, reprise de contact avec la famille.",
                        "فتاة في وضعية صعبة، ربط الاتصال بالأسرة.")),
    "elderly_no_support": (("Personne âgée sans ressources, recherche d'une place en EPS.",
                            "شخص مسن دون مورد، البحث عن مكان بمؤسسة للرعاية الاجتماعية."),
                           ("Personne âgée sans soutien, démarches pour l'accueil en EPS.",
                            "شخص مسن دون عائل، إجراءات الإيداع بمؤسسة للرعاية الاجتماعية.")),
    "disability": (("Personne en situation de handicap, besoin d'un fauteuil roulant.",
                    "شخص في وضعية إعاقة، يحتاج إلى كرسي متحرك."),
                   ("Personne en situation de handicap, demande de carte de handicap.",
                    "شخص في وضعية إعاقة، الحصول على بطاقة الإعاقة.")),
    "woman_difficult": (("Femme seule avec enfants, hébergement d'urgence puis accompagnement.",
                         "امرأة وحيدة رفقة أطفالها، إيواء استعجالي ثم مواكبة."),
                        ("Femme en situation difficile, accompagnement vers l'insertion.",
                         "امرأة في وضعية صعبة، مواكبة من أجل الإدماج.")),
    "street_situation": (("Personne en situation de rue depuis plusieurs années.",
                          "شخص في وضعية الشارع منذ عدة سنوات."),
                         ("Personne en situation de rue, accompagnement vers l'hébergement.",
                          "شخص في وضعية الشارع، مواكبة من أجل الإيواء.")),
}
PLAN_ACTIONS: tuple[Bilingual, ...] = (
    ("Obtenir une copie de l'acte de naissance", "الحصول على نسخة من عقد الازدياد"),
    ("Renouveler la CIN", "تجديد البطاقة الوطنية"),
    ("Prendre rendez-vous au centre de santé", "أخذ موعد بالمركز الصحي"),
    ("Contacter la famille par téléphone", "ربط الاتصال بالأسرة عبر الهاتف"),
    ("Inscription au centre d'éducation et de formation", "التسجيل في مركز التربية والتكوين"),
    ("Constituer le dossier d'admission en EPS",
     "إعداد ملف القبول بمؤسسة للرعاية الاجتماعية"),
    ("Demander la carte RAMED / AMO", "طلب بطاقة التأمين الإجباري عن المرض"),
)
EVENT_SUMMARIES: dict[str, tuple[Bilingual, ...]] = {
    "listening": (("Première séance d'écoute.", "جلسة استماع أولى."),),
    "assessment": (("Évaluation individuelle faite.", "تم التقييم الفردي للحالة."),),
    "mediation": (("Rencontre avec la famille.", "لقاء مع الأسرة."),),
    "follow_up": (("Point sur le plan d'accompagnement.", "تتبع خطة المواكبة."),),
    "home_visit": (("Visite au domicile familial.", "زيارة منزل الأسرة."),),
    "referral": (("Dossier transmis à l'institution.", "إرسال الملف إلى المؤسسة."),),
    "closure": (("Clôture du dossier.", "إغلاق الملف."),),
}
INSTITUTIONS: dict[str, tuple[Bilingual, ...]] = {
    "eps": (("EPS Dar Al Atfal", "مؤسسة الرعاية الاجتماعية دار الأطفال"),
            ("Dar Al Ajaza (EPS personnes âgées)", "دار العجزة"),
            ("Complexe social Dar Al Khair", "المركب الاجتماعي دار الخير")),
    "health": (("Centre hospitalier provincial", "المركز الاستشفائي الإقليمي"),
               ("Hôpital psychiatrique Ar-Razi", "مستشفى الرازي للأمراض العقلية"),
               ("Centre de santé urbain", "المركز الصحي الحضري")),
    "association": (("Association Bayti", "جمعية بيتي"), ("Association Insaf", "جمعية إنصاف"),
                    ("Association Solidarité Féminine", "جمعية التضامن النسوي"),
                    ("Association Al Amal pour le développement", "جمعية الأمل للتنمية")),
    "social_centre": (("Centre social de l'Entraide Nationale",
                       "المركز الاجتماعي للتعاون الوطني"),),
    "training_centre": (("Centre d'éducation et de formation Al Amal",
                         "مركز التربية والتكوين الأمل"),),
    "justice": (("Tribunal de première instance, juge des mineurs",
                 "المحكمة الابتدائية، قاضي الأحداث"),
                ("Parquet, protection de l'enfance", "النيابة العامة، حماية الطفولة")),
    "police": (("Sûreté provinciale, brigade des mineurs", "الأمن الإقليمي، فرقة الأحداث"),),
    "local_authority": (("Caïdat", "القيادة"), ("Annexe administrative", "الملحقة الإدارية")),
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


