<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong inside fieldapp. What you saved is safe. If this happens again, tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase is not correct. Check the keyboard language and Caps Lock, then try again.</source>
        <translation>عبارة المرور غير صحيحة. تحقق من لغة لوحة المفاتيح ومن زر الأحرف الكبيرة (Caps Lock)، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>There is no vault in this folder yet.</source>
        <translation>لا توجد خزنة مشفرة في هذا المجلد بعد.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder; it was left untouched.</source>
        <translation>توجد خزنة مشفرة في هذا المجلد من قبل؛ ولم يتم تغيير أي شيء فيها.</translation>
    </message>
    <message>
        <source>This file is not an encrypted fieldapp vault, so it was not opened. Choose the right folder or ask your administrator.</source>
        <translation>هذا الملف ليس خزنة مشفرة خاصة بـ fieldapp، لذلك لم يتم فتحه. اختر المجلد الصحيح أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>The vault file is damaged or has been tampered with, so it was not opened and nothing was changed. Restore it from a backup, or ask your administrator.</source>
        <translation>ملف الخزنة المشفرة تالف أو تم التلاعب به، لذلك لم يتم فتحه ولم يتغير أي شيء. استرجعه من نسخة احتياطية، أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of fieldapp. Install the latest version to open it; nothing was changed.</source>
        <translation>هذه الخزنة المشفرة محفوظة بإصدار أحدث من fieldapp. قم بتثبيت آخر إصدار لفتحها؛ لم يتغير أي شيء.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>اختر عبارة مرور لا تقل عن 8 أحرف.</translation>
    </message>
    <message>
        <source>Choose a province from the list.</source>
        <translation>اختر إقليما من القائمة.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Free some space (empty the recycle bin, remove large files), then save again: what you typed is still here.</source>
        <translation>القرص ممتلئ، لذلك لم يتم حفظ آخر تعديل. قم بتحرير بعض المساحة (أفرغ سلة المحذوفات، واحذف الملفات الكبيرة)، ثم احفظ من جديد: ما كتبته لا يزال موجودا.</translation>
    </message>
    <message>
        <source>The vault is busy in another window. Wait a moment, then try again.</source>
        <translation>الخزنة المشفرة قيد الاستعمال في نافذة أخرى. انتظر لحظة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The vault cannot be written (read-only folder or disk). Check the folder&apos;s permissions, then save again.</source>
        <translation>تتعذر الكتابة في الخزنة المشفرة (المجلد أو القرص للقراءة فقط). تحقق من صلاحيات المجلد، ثم احفظ من جديد.</translation>
    </message>
    <message>
        <source>The vault could not be read or written. Restart fieldapp; if this happens again, ask your administrator.</source>
        <translation>تعذرت قراءة الخزنة المشفرة أو الكتابة فيها. أعد تشغيل fieldapp؛ وإذا تكرر ذلك، اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>Some values need correcting; see the marked fields.</source>
        <translation>بعض القيم تحتاج إلى تصحيح؛ انظر الخانات المشار إليها.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>هذا السجل لم يعد موجودا.</translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file FILE or the FIELDAPP_PASSPHRASE environment variable.</source>
        <translation>لم يتم إدخال عبارة المرور: استعمل --passphrase-file FILE أو متغير البيئة FIELDAPP_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>حدث خطأ.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>الإقليم</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>محذوف</translation>
    </message>
    <message>
        <source>Name (Arabic script)</source>
        <translation>الاسم بالحروف العربية</translation>
    </message>
    <message>
        <source>Name (Latin script)</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>اسم الشهرة</translation>
    </message>
    <message>
        <source>CIN</source>
        <translation>رقم البطاقة الوطنية</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الازدياد</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>السن التقريبي</translation>
    </message>
    <message>
        <source>Age noted on</source>
        <translation>تاريخ تسجيل السن</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>مؤشرات الهشاشة</translation>
    </message>
    <message>
        <source>Consent to keep personal data</source>
        <translation>الموافقة على الاحتفاظ بالمعطيات الشخصية</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الأوصاف</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>مدمج مع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>أعضاء الفريق</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>الجماعة</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>الدورية</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>دون تحديد الهوية</translation>
    </message>
    <message>
        <source>Met at</source>
        <translation>تاريخ وساعة الرصد</translation>
    </message>
    <message>
        <source>Location or landmark</source>
        <translation>المكان أو نقطة مرجعية</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>الوضعية</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>الخدمات المقدمة</translation>
    </message>
    <message>
        <source>Medical check outcome</source>
        <translation>نتيجة الفحص الطبي</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>التوجيه</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>مركز الإيواء</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>سبب الرفض</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>الفئة المستهدفة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الوضعية</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>تاريخ الفتح</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>تاريخ الإغلاق</translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <translation>سبب الإغلاق</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>مسند إلى</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>ملخص</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>المرحلة</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>الأجل المحدد</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>تاريخ الإنجاز</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>اسم المؤسسة</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>تاريخ الإرسال</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>تاريخ الوضعية</translation>
    </message>
    <message>
        <source>Name (French)</source>
        <translation>الاسم بالفرنسية</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>الطاقة الاستيعابية</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>%n حرف كحد أقصى.</numerusform>
            <numerusform>%n حرف كحد أقصى.</numerusform>
            <numerusform>%n حرفان كحد أقصى.</numerusform>
            <numerusform>%n أحرف كحد أقصى.</numerusform>
            <numerusform>%n حرفا كحد أقصى.</numerusform>
            <numerusform>%n حرف كحد أقصى.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>أدخل عددا من {min} إلى {max}.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>خانة إلزامية.</translation>
    </message>
    <message>
        <source>This value has the wrong form.</source>
        <translation>صيغة هذه القيمة غير صحيحة.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>أدخل عددا صحيحا.</translation>
    </message>
    <message>
        <source>Enter a date as year-month-day, e.g. 2026-03-21.</source>
        <translation>أدخل التاريخ بصيغة سنة-شهر-يوم، مثلا 2026-03-21.</translation>
    </message>
    <message>
        <source>Enter a date and a time.</source>
        <translation>أدخل التاريخ والساعة.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>اختر قيمة من القائمة.</translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation>عدد المدخلات يفوق الحد المسموح به.</translation>
    </message>
    <message>
        <source>Choose an existing record.</source>
        <translation>اختر سجلا موجودا.</translation>
    </message>
    <message>
        <source>Write this name in Arabic letters (use the other field for Latin letters).</source>
        <translation>اكتب هذا الاسم بالحروف العربية (استعمل الخانة الأخرى للحروف اللاتينية).</translation>
    </message>
    <message>
        <source>Write this name in Latin letters (use the other field for Arabic letters).</source>
        <translation>اكتب هذا الاسم بالحروف اللاتينية (استعمل الخانة الأخرى للحروف العربية).</translation>
    </message>
    <message>
        <source>A CIN is one or two capital letters followed by digits, e.g. AB123456.</source>
        <translation>يتكون رقم البطاقة الوطنية من حرف أو حرفين لاتينيين كبيرين تليهما أرقام، مثلا AB123456.</translation>
    </message>
    <message>
        <source>Give at least a name or a nickname.</source>
        <translation>أدخل على الأقل اسما أو اسم شهرة.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>هذا التاريخ لاحق لتاريخ اليوم.</translation>
    </message>
    <message>
        <source>This date is more than 120 years ago.</source>
        <translation>هذا التاريخ يعود إلى أكثر من 120 سنة.</translation>
    </message>
    <message>
        <source>This date is before the start.</source>
        <translation>هذا التاريخ سابق لتاريخ البداية.</translation>
    </message>
    <message>
        <source>An anonymous encounter has no person.</source>
        <translation>الرصد دون تحديد الهوية لا يرتبط بأي شخص.</translation>
    </message>
    <message>
        <source>Choose a person, create one, or mark the encounter anonymous.</source>
        <translation>اختر شخصا، أو أضف شخصا جديدا، أو ضع علامة على «دون تحديد الهوية».</translation>
    </message>
    <message>
        <source>A reason is only given when the person refused.</source>
        <translation>لا يذكر السبب إلا إذا رفض الشخص.</translation>
    </message>
    <message>
        <source>A shelter is only chosen for an orientation to a shelter.</source>
        <translation>لا يتم اختيار مركز الإيواء إلا عند التوجيه إلى مركز للإيواء.</translation>
    </message>
    <message>
        <source>Tick the medical check to give its outcome.</source>
        <translation>ضع علامة على «فحص طبي» لإدخال نتيجته.</translation>
    </message>
    <message>
        <source>A reason for closure is only given when closing.</source>
        <translation>لا يذكر سبب الإغلاق إلا عند إغلاق الملف.</translation>
    </message>
    <message>
        <source>This province is outside the area of this laptop.</source>
        <translation>هذا الإقليم خارج النطاق المخصص لهذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message numerus="yes">
        <source>%n years</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished">الجنس</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly the same as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a name in Arabic or Latin letters, a nickname, a CIN (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Welcome to fieldapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your records stay on this laptop, encrypted with your passphrase. Nobody can open them without it, not even the administrator: choose one you will remember, and keep it to yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your name: it is stamped on your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock fieldapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wait %n seconds before trying again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>patrols in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-ups due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrols in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due today. Start a patrol with Ctrl+P, or look a person up with Ctrl+K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
