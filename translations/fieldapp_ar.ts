<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CaseDetail</name>
    <message>
        <source>Listening</source>
        <translation>الاستماع</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>خطة المواكبة</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>الوساطة الأسرية</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>التتبع</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>الإغلاق</translation>
    </message>
    <message>
        <source>Next action: none planned.</source>
        <translation>الإجراء المقبل: لا شيء مقرر.</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>هذا الملف لم يعد موجوداً.</translation>
    </message>
    <message>
        <source>Overdue action: %1 — was due %2</source>
        <translation>إجراء متأخر: %1 — كان مقرراً في %2</translation>
    </message>
    <message>
        <source>Next action: %1 — due %2</source>
        <translation>الإجراء المقبل: %1 — مقرر في %2</translation>
    </message>
    <message>
        <source>opened on %1</source>
        <translation>فُتح في %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>سجّله %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Add (Ctrl+S)</source>
        <translation>إضافة (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>Send referral</source>
        <translation>إرسال الإحالة</translation>
    </message>
    <message>
        <source>Record the referral as sent (Ctrl+S)</source>
        <translation>تسجيل الإحالة كمرسلة (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>The institution&apos;s answer to the referral chosen above:</source>
        <translation>رد المؤسسة على الإحالة المختارة أعلاه:</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>تغيير الحالة</translation>
    </message>
    <message>
        <source>Record the institution&apos;s answer for the chosen referral (Ctrl+U)</source>
        <translation>تسجيل جواب المؤسسة بخصوص الإحالة المختارة (⁦Ctrl+U⁩)</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>تأكيد الإنجاز</translation>
    </message>
    <message>
        <source>Mark the chosen action done today (Ctrl+D)</source>
        <translation>تسجيل إنجاز الإجراء المختار اليوم (⁦Ctrl+D⁩)</translation>
    </message>
    <message>
        <source>Send a new referral:</source>
        <translation>إرسال إحالة جديدة:</translation>
    </message>
    <message>
        <source>Why reopen</source>
        <translation>سبب إعادة الفتح</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>إعادة فتح الملف</translation>
    </message>
    <message>
        <source>Reopen the case to continue the accompaniment (Ctrl+S)</source>
        <translation>إعادة فتح الملف لمواصلة المواكبة (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>إغلاق الملف</translation>
    </message>
    <message>
        <source>Close the case with this reason (Ctrl+S)</source>
        <translation>إغلاق الملف لهذا السبب (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>Close the case when the accompaniment ends; it can be reopened.</source>
        <translation>أغلق الملف عند انتهاء المواكبة؛ ويمكن إعادة فتحه.</translation>
    </message>
    <message>
        <source>→ %1</source>
        <comment>assigned to someone</comment>
        <translation>← %1</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>أُنجز في %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>مقرر في %1</translation>
    </message>
    <message>
        <source>Closed on %1: %2</source>
        <translation>أُغلق في %1: %2</translation>
    </message>
    <message>
        <source>Year-month-day; ↑ and ↓ move the date by one day</source>
        <translation>سنة-شهر-يوم؛ يغيّر السهمان ↑ و↓ التاريخ بيوم واحد</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>Cases</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Type a name in Arabic or Latin letters, a nickname or a CIN</source>
        <translation>اكتب اسما بالحروف العربية أو اللاتينية، أو اسم شهرة، أو رقم البطاقة الوطنية</translation>
    </message>
    <message>
        <source>Matching persons</source>
        <translation>الأشخاص المطابقون</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (⁦Esc⁩)</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>Open the case (Ctrl+S)</source>
        <translation>فتح الملف (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>الملفات المعروضة</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>جميع الملفات</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>فتح ملف</translation>
    </message>
    <message>
        <source>Open a case for a person (Ctrl+Shift+N)</source>
        <translation>فتح ملف لشخص (⁦Ctrl+Shift+N⁩)</translation>
    </message>
    <message>
        <source>No case yet. A case follows one person through listening, assessment, an accompaniment plan, mediation, referrals and follow-ups. Open a case for a person with Ctrl+Shift+N.</source>
        <translation>لا يوجد أي ملف بعد. يواكب الملف شخصاً واحداً عبر الاستماع، والتقييم، وخطة المواكبة، والوساطة الأسرية، والإحالات، والتتبع. افتح ملفاً لشخص بـ ⁦Ctrl+Shift+N⁩.</translation>
    </message>
    <message>
        <source>Choose a case in the list to see its stages.</source>
        <translation>اختر ملفا من القائمة لعرض مراحله.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>لا ملفات</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%n ملفات</numerusform>
            <numerusform>%n ملفاً</numerusform>
            <numerusform>%n ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>Person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>الأجل المقبل</translation>
    </message>
    <message>
        <source>Leave without opening the case?</source>
        <translation>المغادرة دون فتح الملف؟</translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation>سيضيع ما كتبته.</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>لفائدة: %1</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (متأخر)</translation>
    </message>
</context>
<context>
    <name>Encounter</name>
    <message>
        <source>&amp;Listening</source>
        <comment>service checkbox: the letter after &amp; is its Alt key; not N, A, W nor a digit</comment>
        <translation>استماع (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Transport to a centre</source>
        <comment>service checkbox: the letter after &amp; is its Alt key; not N, A, W nor a digit</comment>
        <translation>النقل إلى مركز (&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n place(s) free</source>
        <translation>
            <numerusform>%1 — لا مكان شاغر</numerusform>
            <numerusform>%1 — مكان شاغر واحد</numerusform>
            <numerusform>%1 — مكانان شاغران</numerusform>
            <numerusform>%1 — %n أماكن شاغرة</numerusform>
            <numerusform>%1 — %n مكاناً شاغراً</numerusform>
            <numerusform>%1 — %n مكان شاغر</numerusform>
        </translation>
    </message>
    <message>
        <source>Alt and the key shown before a service tick or untick it</source>
        <translation>⁦Alt⁩ مع المفتاح الظاهر قبل الخدمة لتحديدها أو إلغاء تحديدها</translation>
    </message>
    <message>
        <source>What helps to recognise them</source>
        <translation>ما يساعد على التعرف على الشخص</translation>
    </message>
    <message>
        <source>Minor (child protection): the situation, the place and an orientation are required; if they refuse, give the reason.</source>
        <translation>قاصر (حماية الطفولة): الوضعية والمكان والتوجيه إلزامية؛ وإذا رفض، اذكر السبب.</translation>
    </message>
    <message>
        <source>In danger: a follow-up is required.</source>
        <translation>في خطر: التتبع إلزامي.</translation>
    </message>
    <message>
        <source>Who?</source>
        <translation>من؟</translation>
    </message>
    <message>
        <source>A name in Arabic or Latin letters, a nickname, a CIN — ↓ to choose</source>
        <translation>اسم بالحروف العربية أو اللاتينية، أو اسم شهرة، أو رقم البطاقة الوطنية — ↓ للاختيار</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <source>A new person from what you typed (Alt+N)</source>
        <translation>شخص جديد انطلاقا مما كتبته (⁦Alt+N⁩)</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>دون تحديد الهوية</translation>
    </message>
    <message>
        <source>Someone who gives no name (Alt+A)</source>
        <translation>شخص لا يصرح باسمه (⁦Alt+A⁩)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغيير</translation>
    </message>
    <message>
        <source>Back to Who? (Alt+W)</source>
        <translation>العودة إلى «من؟» (⁦Alt+W⁩)</translation>
    </message>
    <message>
        <source>Persons found</source>
        <translation>الأشخاص الذين تم العثور عليهم</translation>
    </message>
    <message>
        <source>No one found: Alt+N records a new person, Alt+A an anonymous encounter.</source>
        <translation>لم يُعثر على أحد: ⁦Alt+N⁩ لتسجيل شخص جديد، و⁦Alt+A⁩ لتسجيل لقاء دون تحديد الهوية.</translation>
    </message>
    <message>
        <source>Without consent this person is not recorded: the encounter is saved as anonymous, with sex and age only.</source>
        <translation>دون موافقة، لا تُسجَّل بيانات هذا الشخص: يُحفظ اللقاء دون تحديد الهوية، مع الجنس والسن فقط.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (⁦Esc⁩)</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>حفظ والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>Anonymous encounter (still counted)</source>
        <translation>لقاء دون تحديد الهوية (يُحتسب في الإحصاء)</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>دون تحديد الهوية</translation>
    </message>
    <message>
        <source>Cancel this encounter?</source>
        <translation>إلغاء هذا اللقاء؟</translation>
    </message>
    <message>
        <source>What you typed for this encounter will be lost.</source>
        <translation>سيضيع ما كتبته عن هذا اللقاء.</translation>
    </message>
    <message>
        <source>Recorded in the patrol: %1</source>
        <translation>يُسجَّل في الدورية: %1</translation>
    </message>
    <message>
        <source>Saved: %1 at %2</source>
        <translation>تم الحفظ: %1 على الساعة %2</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Year-month-day and hour:minute; ↑ and ↓ move the date by one day</source>
        <translation>سنة-شهر-يوم وساعة:دقيقة؛ يغيّر السهمان ↑ و↓ التاريخ بيوم واحد</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>لم يبقَ أي حرف</numerusform>
            <numerusform>بقي حرف واحد</numerusform>
            <numerusform>بقي حرفان</numerusform>
            <numerusform>بقيت %n أحرف</numerusform>
            <numerusform>بقي %n حرفاً</numerusform>
            <numerusform>بقي %n حرف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>لا أحرف زائدة</numerusform>
            <numerusform>حرف واحد زائد</numerusform>
            <numerusform>حرفان زائدان</numerusform>
            <numerusform>%n أحرف زائدة</numerusform>
            <numerusform>%n حرفاً زائداً</numerusform>
            <numerusform>%n حرف زائد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>إقفال</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>إقفال الآن (⁦Ctrl+L⁩)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>لا تعديلات في انتظار المزامنة</numerusform>
            <numerusform>تعديل واحد في انتظار المزامنة</numerusform>
            <numerusform>تعديلان في انتظار المزامنة</numerusform>
            <numerusform>%n تعديلات في انتظار المزامنة</numerusform>
            <numerusform>%n تعديلاً في انتظار المزامنة</numerusform>
            <numerusform>%n تعديل في انتظار المزامنة</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong inside fieldapp. What you saved is safe. If this happens again, tell your administrator: the details are in the log file %1.</source>
        <translation>حدث خلل داخل ⁦fieldapp⁩. ما حفظته في أمان. إذا تكرر ذلك فأخبر مسؤول النظام: التفاصيل في ملف السجل %1.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>%n record(s) received from the server could not be read and were set aside; the others were received. Tell your administrator.</source>
        <translation>
            <numerusform>لم يُوضع أي سجل وارد من الخادم جانباً.</numerusform>
            <numerusform>تعذرت قراءة سجل واحد وارد من الخادم فوُضع جانباً؛ ووصلت السجلات الأخرى. أخبر مسؤول النظام.</numerusform>
            <numerusform>تعذرت قراءة سجلين واردين من الخادم فوُضعا جانباً؛ ووصلت السجلات الأخرى. أخبر مسؤول النظام.</numerusform>
            <numerusform>تعذرت قراءة %n سجلات واردة من الخادم فوُضعت جانباً؛ ووصلت السجلات الأخرى. أخبر مسؤول النظام.</numerusform>
            <numerusform>تعذرت قراءة %n سجلاً وارداً من الخادم فوُضعت جانباً؛ ووصلت السجلات الأخرى. أخبر مسؤول النظام.</numerusform>
            <numerusform>تعذرت قراءة %n سجل وارد من الخادم فوُضعت جانباً؛ ووصلت السجلات الأخرى. أخبر مسؤول النظام.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check the keyboard language and Caps Lock, then try again.</source>
        <translation>عبارة المرور غير صحيحة. تحقق من لغة لوحة المفاتيح ومن زر الأحرف الكبيرة (⁦Caps Lock⁩)، ثم أعد المحاولة.</translation>
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
        <translation>هذا الملف ليس خزنة مشفرة خاصة بـ ⁦fieldapp⁩، لذلك لم يتم فتحه. اختر المجلد الصحيح أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>Part of the vault file is damaged, so fieldapp saves nothing more in it; what you see may be incomplete. Restore the vault from a backup, or ask your administrator.</source>
        <translation>جزء من ملف الخزنة تالف، لذلك لن يحفظ ⁦fieldapp⁩ فيه أي شيء بعد الآن؛ قد يكون ما تراه ناقصا. استرجع الخزنة من نسخة احتياطية، أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>The vault file is damaged or has been tampered with, so it was not opened and nothing was changed. Restore it from a backup, or ask your administrator.</source>
        <translation>ملف الخزنة المشفرة تالف أو تم التلاعب به، لذلك لم يتم فتحه ولم يتغير أي شيء. استرجعه من نسخة احتياطية، أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>Your role does not allow this; nothing was changed. Ask your supervisor if you need it.</source>
        <translation>دورك لا يسمح بهذا، ولم يُغيَّر أي شيء. اطلب ذلك من المشرف إن كنت تحتاج إليه.</translation>
    </message>
    <message>
        <source>There is no member of this name on this computer.</source>
        <translation>لا يوجد عضو بهذا الاسم على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The last member of a vault cannot be removed.</source>
        <translation>لا يمكن حذف آخر عضو في الخزنة.</translation>
    </message>
    <message>
        <source>Your administrator removed you from this computer: your passphrase no longer opens it. The other members&apos; work is untouched.</source>
        <translation>أزالك المسؤول من هذا الحاسوب: لم تعد عبارة المرور الخاصة بك تفتحه. عمل الأعضاء الآخرين لم يُمس.</translation>
    </message>
    <message>
        <source>This is not the organisation&apos;s recovery key for this vault; nothing was opened.</source>
        <translation>هذا ليس مفتاح الاسترجاع الخاص بالمؤسسة لهذه الخزنة، ولم يُفتح أي شيء.</translation>
    </message>
    <message>
        <source>Give the member&apos;s name (--name).</source>
        <translation>أدخل اسم العضو (⁦--name⁩).</translation>
    </message>
    <message>
        <source>This role does not exist.</source>
        <translation>هذا الدور غير موجود.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of fieldapp. Install the latest version to open it; nothing was changed.</source>
        <translation>هذه الخزنة المشفرة محفوظة بإصدار أحدث من ⁦fieldapp⁩. قم بتثبيت آخر إصدار لفتحها؛ لم يتغير أي شيء.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>اختر عبارة مرور لا تقل عن 8 أحرف.</translation>
    </message>
    <message>
        <source>Choose a province from the list.</source>
        <translation>اختر عمالة أو إقليماً من القائمة.</translation>
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
        <translation>تعذرت قراءة الخزنة المشفرة أو الكتابة فيها. أعد تشغيل ⁦fieldapp⁩؛ وإذا تكرر ذلك، اتصل بمسؤول النظام.</translation>
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
        <translation>لم يتم إدخال عبارة المرور: استعمل ⁦--passphrase-file⁩ متبوعاً بمسار الملف الذي يحتوي عليها، أو متغير البيئة ⁦FIELDAPP_PASSPHRASE⁩.</translation>
    </message>
    <message>
        <source>This file is not a fieldapp backup, so nothing was restored. Choose the backup file again.</source>
        <translation>هذا الملف ليس نسخة احتياطية لـ ⁦fieldapp⁩، لذلك لم يتم استرجاع أي شيء. اختر ملف النسخة الاحتياطية من جديد.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete, so nothing was restored and the vault on this laptop is unchanged. Use another backup, or ask your administrator.</source>
        <translation>هذه النسخة الاحتياطية تالفة أو ناقصة، لذلك لم يتم استرجاع أي شيء ولم تتغير الخزنة المشفرة على هذا الحاسوب. استعمل نسخة احتياطية أخرى، أو اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>The passphrase does not open this backup, so nothing was restored. Type the passphrase that was in use when the backup was made.</source>
        <translation>عبارة المرور هذه لا تفتح النسخة الاحتياطية، لذلك لم يتم استرجاع أي شيء. اكتب عبارة المرور التي كانت مستعملة عند إنشاء النسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>The folder chosen for the backup does not exist, so nothing was written. Plug in the USB stick or choose another folder, then try again.</source>
        <translation>المجلد المختار للنسخة الاحتياطية غير موجود، لذلك لم يُكتب أي شيء. أدخل مفتاح ⁦USB⁩ أو اختر مجلدا آخر، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The folder chosen for the backup cannot be written (read-only, or it belongs to someone else), so nothing was written. Choose another folder, then try again.</source>
        <translation>لا يمكن الكتابة في المجلد المختار للنسخة الاحتياطية (للقراءة فقط، أو يملكه مستخدم آخر)، لذلك لم يُكتب أي شيء. اختر مجلدا آخر، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it, then try again.</source>
        <translation>الخزنة المشفرة مقفلة. افتحها ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>حدث خطأ.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>العمالة أو الإقليم</translation>
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
        <translation>تاريخ وساعة اللقاء</translation>
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
        <translation>الحالة</translation>
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
        <translation>تاريخ الحالة</translation>
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
            <numerusform>لا يُقبل أي حرف.</numerusform>
            <numerusform>حرف واحد كحد أقصى.</numerusform>
            <numerusform>حرفان كحد أقصى.</numerusform>
            <numerusform>%n أحرف كحد أقصى.</numerusform>
            <numerusform>%n حرفاً كحد أقصى.</numerusform>
            <numerusform>%n حرف كحد أقصى.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) are there now: the capacity cannot be lower.</source>
        <translation>
            <numerusform>لا يوجد أحد حالياً في المركز.</numerusform>
            <numerusform>يوجد شخص واحد حالياً في المركز: لا يمكن أن تقل الطاقة الاستيعابية عن ذلك.</numerusform>
            <numerusform>يوجد شخصان حالياً في المركز: لا يمكن أن تقل الطاقة الاستيعابية عن ذلك.</numerusform>
            <numerusform>يوجد %n أشخاص حالياً في المركز: لا يمكن أن تقل الطاقة الاستيعابية عن ذلك.</numerusform>
            <numerusform>يوجد %n شخصاً حالياً في المركز: لا يمكن أن تقل الطاقة الاستيعابية عن ذلك.</numerusform>
            <numerusform>يوجد %n شخص حالياً في المركز: لا يمكن أن تقل الطاقة الاستيعابية عن ذلك.</numerusform>
        </translation>
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
        <source>Enter a date and a time as year-month-day hour:minute, e.g. 2026-03-21 22:30.</source>
        <translation>أدخل التاريخ والساعة بصيغة سنة-شهر-يوم ساعة:دقيقة، مثلاً ⁦2026-03-21 22:30⁩.</translation>
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
        <translation>يتكون رقم البطاقة الوطنية من حرف أو حرفين لاتينيين كبيرين تليهما أرقام، مثلا ⁦AB123456⁩.</translation>
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
        <translation>اللقاء دون تحديد الهوية لا يرتبط بأي شخص.</translation>
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
        <source>Required for a minor (child protection).</source>
        <translation>إلزامي بالنسبة للقاصر (حماية الطفولة).</translation>
    </message>
    <message>
        <source>A minor is never left without an orientation: choose one, or choose Refused and give the reason.</source>
        <translation>لا يُترك القاصر أبداً دون توجيه: اختر توجيهاً، أو اختر «رفض» واذكر السبب.</translation>
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
        <translation>هذه العمالة أو هذا الإقليم خارج النطاق المخصص لهذا الحاسوب.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http:// is only for a server on this computer), so nothing was sent. Check the address.</source>
        <translation>يجب أن يبدأ عنوان الخادم بـ ⁦https://⁩ (أما ⁦http://⁩ فهو فقط لخادم على هذا الحاسوب)، لذلك لم يُرسل أي شيء. تحقق من العنوان.</translation>
    </message>
    <message>
        <source>An enrollment code has 16 letters and digits, like 1A2B-3C4D-5E6F-7A8B. Check the code you typed; nothing was sent.</source>
        <translation>يتكون رمز التسجيل من 16 حرفا ورقما، مثل ⁦1A2B-3C4D-5E6F-7A8B⁩. تحقق من الرمز الذي كتبته؛ لم يُرسل أي شيء.</translation>
    </message>
    <message>
        <source>The server received other changes under this laptop&apos;s identity (a copy of this laptop, or a stolen token). Your changes are kept here. Ask your administrator to revoke this device and give you a new enrollment code: enrolling again sends them.</source>
        <translation>تلقى الخادم تعديلات أخرى باسم هذا الحاسوب (نسخة منه، أو رمز دخول مسروق). تعديلاتك محفوظة هنا. اطلب من مسؤول النظام إلغاء هذا الجهاز وإعطاءك رمز تسجيل جديدا: التسجيل من جديد يرسلها.</translation>
    </message>
    <message>
        <source>No connection to the server. Your changes are kept on this laptop and will be sent when the network is back.</source>
        <translation>لا يوجد اتصال بالخادم. تبقى تعديلاتك محفوظة على هذا الحاسوب وسترسل عند عودة الشبكة.</translation>
    </message>
    <message>
        <source>The server has a problem. Your changes are kept on this laptop; fieldapp will try again later.</source>
        <translation>يواجه الخادم مشكلة. تبقى تعديلاتك محفوظة على هذا الحاسوب، وسيعيد ⁦fieldapp⁩ المحاولة لاحقا.</translation>
    </message>
    <message>
        <source>The server no longer accepts this laptop (it was revoked or never enrolled). Ask your administrator for a new enrollment code.</source>
        <translation>لم يعد الخادم يقبل هذا الحاسوب (تم إلغاؤه أو لم يسجل قط). اطلب رمز تسجيل جديدا من مسؤول النظام.</translation>
    </message>
    <message>
        <source>The server refused changes outside the area of this laptop. Ask your administrator.</source>
        <translation>رفض الخادم تعديلات خارج النطاق الترابي لهذا الحاسوب. اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>The server and this laptop disagree about the changes already sent. Ask your administrator.</source>
        <translation>هناك اختلاف بين الخادم وهذا الحاسوب حول التعديلات المرسلة سابقا. اتصل بمسؤول النظام.</translation>
    </message>
    <message>
        <source>The server refused some changes; see the list of refused changes.</source>
        <translation>رفض الخادم بعض التعديلات؛ راجع قائمة التعديلات المرفوضة.</translation>
    </message>
    <message>
        <source>The server does not understand this version of fieldapp. Install the latest version.</source>
        <translation>لا يتعرف الخادم على هذا الإصدار من ⁦fieldapp⁩. ثبت أحدث إصدار.</translation>
    </message>
    <message>
        <source>This enrollment code is unknown, already used or expired. Ask your administrator for a new one.</source>
        <translation>رمز التسجيل هذا غير معروف أو سبق استعماله أو انتهت صلاحيته. اطلب رمزا جديدا من مسؤول النظام.</translation>
    </message>
    <message>
        <source>The server is busy. fieldapp will try again in a moment.</source>
        <translation>الخادم مشغول. سيعيد ⁦fieldapp⁩ المحاولة بعد لحظات.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent. Check the server address, or ask your administrator for the certificate file.</source>
        <translation>شهادة الخادم غير موثوقة، لذلك لم يرسل أي شيء. تحقق من عنوان الخادم أو اطلب ملف الشهادة من مسؤول النظام.</translation>
    </message>
    <message>
        <source>This is not a server address. Type it as https:// followed by the server&apos;s name, e.g. https://sync.example.ma</source>
        <translation>هذا ليس عنوان خادم. اكتبه على شكل ⁦https://⁩ متبوعا باسم الخادم، مثلا ⁦https://sync.example.ma⁩</translation>
    </message>
    <message>
        <source>Refused: the server does not know the member who made this change on this laptop (or they were removed). The change is kept here; ask your administrator.</source>
        <translation>رُفض: الخادم لا يعرف العضو الذي أجرى هذا التغيير على هذا الحاسوب (أو أنه أُزيل). التغيير محفوظ هنا؛ اسأل المسؤول.</translation>
    </message>
    <message>
        <source>Refused: some values do not follow the rules of the record. The change is kept on this laptop.</source>
        <translation>رُفض: بعض القيم لا تتبع قواعد السجل. التغيير محفوظ على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Refused: a record cannot move to another province.</source>
        <translation>رُفض: لا يمكن نقل سجل إلى عمالة أو إقليم آخر.</translation>
    </message>
    <message>
        <source>Refused: the server does not have this record.</source>
        <translation>رُفض: هذا السجل غير موجود على الخادم.</translation>
    </message>
    <message>
        <source>Refused: this laptop&apos;s clock is far ahead. Set the date and time, then record the change again.</source>
        <translation>رُفض: ساعة هذا الحاسوب متقدمة كثيرا. اضبط التاريخ والوقت، ثم سجّل التغيير من جديد.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>أدخل عددا من {min} إلى {max}.</translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation>رفضه الخادم (%1).</translation>
    </message>
    <message>
        <source>Refused: a %1 may not %2. The change is kept on this laptop; ask your supervisor.</source>
        <translation>رُفض: لا يسمح دور «%1» بأن %2. التغيير محفوظ على هذا الحاسوب؛ اسأل المشرف.</translation>
    </message>
</context>
<context>
    <name>Patrols</name>
    <message numerus="yes">
        <source>%n encounter(s)</source>
        <translation>
            <numerusform>لا لقاءات</numerusform>
            <numerusform>لقاء واحد</numerusform>
            <numerusform>لقاءان</numerusform>
            <numerusform>%n لقاءات</numerusform>
            <numerusform>%n لقاءً</numerusform>
            <numerusform>%n لقاء</numerusform>
        </translation>
    </message>
    <message>
        <source>Another patrol of this team is open</source>
        <translation>دورية أخرى لهذا الفريق مفتوحة</translation>
    </message>
    <message>
        <source>Encounters are saved into the patrol you open. Go to the patrol in progress, or start a second one for the same team?</source>
        <translation>تُحفظ اللقاءات في الدورية التي تفتحها. هل تريد الانتقال إلى الدورية الجارية، أم بدء دورية ثانية للفريق نفسه؟</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>الدوريات</translation>
    </message>
    <message>
        <source>Go to the patrol in progress</source>
        <translation>الانتقال إلى الدورية الجارية</translation>
    </message>
    <message>
        <source>Start a second patrol</source>
        <translation>بدء دورية ثانية</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>العودة إلى الاستمارة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (⁦Esc⁩)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>بدء</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>بدء (⁦Enter⁩)</translation>
    </message>
    <message>
        <source>Start a patrol</source>
        <translation>بدء دورية</translation>
    </message>
    <message>
        <source>Start a patrol (Ctrl+P)</source>
        <translation>بدء دورية (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <source>No patrol yet — Start a patrol (Ctrl+P)</source>
        <translation>لا توجد أي دورية بعد — ابدأ دورية (⁦Ctrl+P⁩)</translation>
    </message>
    <message>
        <source>New encounter</source>
        <translation>لقاء جديد</translation>
    </message>
    <message>
        <source>New encounter (Ctrl+N)</source>
        <translation>لقاء جديد (⁦Ctrl+N⁩)</translation>
    </message>
    <message>
        <source>End patrol</source>
        <translation>إنهاء الدورية</translation>
    </message>
    <message>
        <source>End patrol (Ctrl+Shift+E)</source>
        <translation>إنهاء الدورية (⁦Ctrl+Shift+E⁩)</translation>
    </message>
    <message>
        <source>Encounters of this patrol</source>
        <translation>لقاءات هذه الدورية</translation>
    </message>
    <message>
        <source>started at %1</source>
        <translation>بدأت على الساعة %1</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>جارية</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>دون تحديد الهوية</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>أسماء تفصل بينها فواصل</translation>
    </message>
    <message>
        <source>Services: %1</source>
        <translation>الخدمات: %1</translation>
    </message>
    <message>
        <source>Save (Ctrl+S) or cancel (Esc) the encounter first.</source>
        <translation>احفظ اللقاء (⁦Ctrl+S⁩) أو ألغه (⁦Esc⁩) أولاً.</translation>
    </message>
    <message>
        <source>People met: %1 (anonymous: %2)</source>
        <translation>الأشخاص الذين تم اللقاء بهم: %1 (دون تحديد الهوية: %2)</translation>
    </message>
    <message>
        <source>Oriented: %1 · refused: %2</source>
        <translation>تم توجيههم: %1 · رفضوا: %2</translation>
    </message>
    <message>
        <source>%1 already has a patrol in progress on %2 (%3).</source>
        <translation>لدى %1 دورية جارية في %2 (%3).</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>حفظ (&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <source>Possibly the same as:</source>
        <translation>قد يكون الشخص نفسه:</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>اليوم</numerusform>
            <numerusform>منذ يوم</numerusform>
            <numerusform>منذ يومين</numerusform>
            <numerusform>منذ %n أيام</numerusform>
            <numerusform>منذ %n يوماً</numerusform>
            <numerusform>منذ %n يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>أقل من سنة</numerusform>
            <numerusform>سنة واحدة</numerusform>
            <numerusform>سنتان</numerusform>
            <numerusform>%n سنوات</numerusform>
            <numerusform>%n سنةً</numerusform>
            <numerusform>%n سنة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation>
            <numerusform>أقل من سنة تقريباً</numerusform>
            <numerusform>حوالي سنة</numerusform>
            <numerusform>حوالي سنتين</numerusform>
            <numerusform>حوالي %n سنوات</numerusform>
            <numerusform>حوالي %n سنةً</numerusform>
            <numerusform>حوالي %n سنة</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>سجّله %1</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>لقاء</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>فتح ملف</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>مقرر في %1</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>السجل الزمني</translation>
    </message>
    <message>
        <source>Split off</source>
        <translation>فصل</translation>
    </message>
    <message>
        <source>Not the same person after all: this record goes back on its own, with its encounters and cases</source>
        <translation>ليس الشخص نفسه في النهاية: يعود هذا السجل مستقلاً، مع لقاءاته وملفاته</translation>
    </message>
    <message>
        <source>Search a name in Arabic or Latin letters, a nickname, a CIN (Ctrl+K)</source>
        <translation>ابحث عن اسم بالحروف العربية أو اللاتينية، أو اسم شهرة، أو رقم البطاقة الوطنية (⁦Ctrl+K⁩)</translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation>البحث عن الأشخاص</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>شخص جديد (&amp;N)</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>لا أحد</numerusform>
            <numerusform>شخص واحد</numerusform>
            <numerusform>شخصان</numerusform>
            <numerusform>%n أشخاص</numerusform>
            <numerusform>%n شخصاً</numerusform>
            <numerusform>%n شخص</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>السن</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر لقاء</translation>
    </message>
    <message>
        <source>Records merged into this person:</source>
        <translation>السجلات المدمجة في هذا الشخص:</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>سجل هذا الشخص لم يعد موجودا.</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>لم يسجل أي شيء بعد.</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <source>People who may have been recorded more than once</source>
        <translation>أشخاص ربما سُجلوا أكثر من مرة</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Merge those ticked as the same person into the one kept (Ctrl+M)</source>
        <translation>دمج السجلات المؤشر عليها بأنها للشخص نفسه في السجل المحتفظ به (⁦Ctrl+M⁩)</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>ليسا الشخص نفسه</translation>
    </message>
    <message>
        <source>Different people: never propose them together again (Ctrl+D)</source>
        <translation>أشخاص مختلفون: لا تقترحهم معا مرة أخرى (⁦Ctrl+D⁩)</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>لاحقا</translation>
    </message>
    <message>
        <source>Next in the queue (Ctrl+Right)</source>
        <translation>الاقتراح الموالي (⁦Ctrl+→⁩)</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>التراجع عن الدمج</translation>
    </message>
    <message>
        <source>Undo the last merge (Ctrl+Z)</source>
        <translation>التراجع عن آخر عملية دمج (⁦Ctrl+Z⁩)</translation>
    </message>
    <message>
        <source>No likely duplicates. Records that may be the same person appear here to be merged or told apart.</source>
        <translation>لا توجد سجلات مكررة محتملة. تظهر هنا السجلات التي قد تخص الشخص نفسه، لدمجها أو للتمييز بينها.</translation>
    </message>
    <message numerus="yes">
        <source>Likely the same person (%n)</source>
        <translation>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
            <numerusform>على الأرجح الشخص نفسه (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Possible — check before merging (%n)</source>
        <translation>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
            <numerusform>محتمل — تحقق قبل الدمج (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <translation>
            <numerusform>%1 وحده</numerusform>
            <numerusform>%1 وسجل آخر</numerusform>
            <numerusform>%1 وسجلان آخران</numerusform>
            <numerusform>%1 و%n سجلات أخرى</numerusform>
            <numerusform>%1 و%n سجلاً آخر</numerusform>
            <numerusform>%1 و%n سجل آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>حدث خطأ.</translation>
    </message>
    <message>
        <source>Possible — check before merging: only a first name or a nickname, the sex, the province and the age match.</source>
        <translation>محتمل — تحقق قبل الدمج: لا يتطابق إلا الاسم الشخصي أو اسم الشهرة، والجنس، والعمالة أو الإقليم، والسن.</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>الاحتفاظ بهذا السجل</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>الشخص نفسه</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 و%2</translation>
    </message>
    <message>
        <source>%1 and %2: %3</source>
        <translation>%1 و%2: %3</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Same CIN</source>
        <translation>رقم البطاقة الوطنية نفسه</translation>
    </message>
    <message>
        <source>Different CINs</source>
        <translation>رقما البطاقة الوطنية مختلفان</translation>
    </message>
    <message>
        <source>Names match across Arabic and Latin script</source>
        <translation>الاسمان متطابقان بين الحروف العربية واللاتينية</translation>
    </message>
    <message>
        <source>Names match</source>
        <translation>الاسمان متطابقان</translation>
    </message>
    <message>
        <source>Only the first name is known on one side</source>
        <translation>الاسم الشخصي وحده معروف في أحد السجلين</translation>
    </message>
    <message>
        <source>Names partly differ</source>
        <translation>الاسمان مختلفان جزئيا</translation>
    </message>
    <message>
        <source>Names differ</source>
        <translation>الاسمان مختلفان</translation>
    </message>
    <message>
        <source>Same nickname</source>
        <translation>اسم الشهرة نفسه</translation>
    </message>
    <message>
        <source>Sex differs</source>
        <translation>الجنس مختلف</translation>
    </message>
    <message>
        <source>Same date of birth</source>
        <translation>تاريخ الازدياد نفسه</translation>
    </message>
    <message numerus="yes">
        <source>Ages within %n year(s)</source>
        <translation>
            <numerusform>السن نفسه</numerusform>
            <numerusform>فارق السن لا يتجاوز سنة واحدة</numerusform>
            <numerusform>فارق السن لا يتجاوز سنتين</numerusform>
            <numerusform>فارق السن لا يتجاوز %n سنوات</numerusform>
            <numerusform>فارق السن لا يتجاوز %n سنةً</numerusform>
            <numerusform>فارق السن لا يتجاوز %n سنة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ages differ by %n year(s)</source>
        <translation>
            <numerusform>لا فارق في السن</numerusform>
            <numerusform>فارق السن: سنة واحدة</numerusform>
            <numerusform>فارق السن: سنتان</numerusform>
            <numerusform>فارق السن: %n سنوات</numerusform>
            <numerusform>فارق السن: %n سنةً</numerusform>
            <numerusform>فارق السن: %n سنة</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded in different provinces</source>
        <translation>مسجلان في عمالتين أو إقليمين مختلفين</translation>
    </message>
    <message numerus="yes">
        <source>A common name: about %n other person(s) of that age have it</source>
        <translation>
            <numerusform>لا يحمل هذا الاسم أحد غيره في هذه السن</numerusform>
            <numerusform>اسم شائع: يحمله شخص آخر تقريباً في هذه السن</numerusform>
            <numerusform>اسم شائع: يحمله شخصان آخران تقريباً في هذه السن</numerusform>
            <numerusform>اسم شائع: يحمله نحو %n أشخاص آخرين في هذه السن</numerusform>
            <numerusform>اسم شائع: يحمله نحو %n شخصاً آخر في هذه السن</numerusform>
            <numerusform>اسم شائع: يحمله نحو %n شخص آخر في هذه السن</numerusform>
        </translation>
    </message>
    <message>
        <source>Other people of that age may have the same name</source>
        <translation>قد يحمل أشخاص آخرون في هذه السن الاسم نفسه</translation>
    </message>
    <message>
        <source>No one else here has this name</source>
        <translation>لا أحد غيره هنا يحمل هذا الاسم</translation>
    </message>
    <message>
        <source>The nickname is what people of that first name are called</source>
        <translation>اسم الشهرة هو ما يُنادى به من يحمل هذا الاسم الشخصي</translation>
    </message>
    <message>
        <source>Never met in the same area</source>
        <translation>لم يُلتقَ بهما قط في المنطقة نفسها</translation>
    </message>
    <message numerus="yes">
        <source>%n other person(s) would fit as well</source>
        <translation>
            <numerusform>لا يطابق أحد آخر بالقدر نفسه</numerusform>
            <numerusform>يطابق شخص آخر بالقدر نفسه</numerusform>
            <numerusform>يطابق شخصان آخران بالقدر نفسه</numerusform>
            <numerusform>يطابق %n أشخاص آخرين بالقدر نفسه</numerusform>
            <numerusform>يطابق %n شخصاً آخر بالقدر نفسه</numerusform>
            <numerusform>يطابق %n شخص آخر بالقدر نفسه</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep current value</source>
        <translation>الاحتفاظ بالقيمة الحالية</translation>
    </message>
    <message>
        <source>Keep the value the record has now (Alt+1)</source>
        <translation>الاحتفاظ بالقيمة الحالية للسجل (⁦Alt+1⁩)</translation>
    </message>
    <message>
        <source>Use other value</source>
        <translation>اعتماد القيمة الأخرى</translation>
    </message>
    <message>
        <source>Put back the value that was overwritten (Alt+2)</source>
        <translation>إرجاع القيمة التي تم استبدالها (⁦Alt+2⁩)</translation>
    </message>
    <message>
        <source>No conflicts. When two people change the same field before syncing, both values appear here so you can choose.</source>
        <translation>لا توجد تعديلات متعارضة. عندما يعدل شخصان الخانة نفسها قبل المزامنة، تظهر القيمتان هنا لتختار بينهما.</translation>
    </message>
    <message>
        <source>Both were met in the same area: %1</source>
        <translation>التُقي بكليهما في المنطقة نفسها: %1</translation>
    </message>
    <message>
        <source>%1: %2 or %3</source>
        <translation>%1: %2 أو %3</translation>
    </message>
    <message>
        <source>%1 — now: %2 (by %3, %4); overwritten: %5 (by %6, %7)</source>
        <translation>%1 — حاليا: %2 (من طرف %3، %4)؛ القيمة المستبدلة: %5 (من طرف %6، %7)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>field worker</source>
        <translation>عامل ميداني</translation>
    </message>
    <message>
        <source>centre staff</source>
        <translation>موظف المركز</translation>
    </message>
    <message>
        <source>centre head</source>
        <translation>مدير المركز</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>committee member</source>
        <translation>عضو لجنة</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>مسؤول النظام</translation>
    </message>
    <message>
        <source>merge persons</source>
        <translation>يدمج الأشخاص</translation>
    </message>
    <message>
        <source>resolve conflicts</source>
        <translation>يحسم التعارضات</translation>
    </message>
    <message>
        <source>export records</source>
        <translation>يصدّر السجلات</translation>
    </message>
    <message>
        <source>add or remove members</source>
        <translation>يضيف أعضاء أو يزيلهم</translation>
    </message>
    <message>
        <source>record persons</source>
        <translation>يسجّل الأشخاص</translation>
    </message>
    <message>
        <source>record patrols</source>
        <translation>يسجّل الدوريات</translation>
    </message>
    <message>
        <source>record encounters</source>
        <translation>يسجّل اللقاءات</translation>
    </message>
    <message>
        <source>open and edit case files</source>
        <translation>يفتح ملفات التكفل ويعدّلها</translation>
    </message>
    <message>
        <source>record steps of case files</source>
        <translation>يسجّل مراحل ملفات التكفل</translation>
    </message>
    <message>
        <source>record referrals</source>
        <translation>يسجّل التوجيهات</translation>
    </message>
    <message>
        <source>edit shelters</source>
        <translation>يعدّل مراكز الإيواء</translation>
    </message>
    <message>
        <source>decide on duplicates</source>
        <translation>يبتّ في التكرارات</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>، </translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>The new passphrase is needed from the next unlock. Your records are not re-encrypted, so this takes only a moment.</source>
        <translation>ستطلب عبارة المرور الجديدة ابتداء من فتح القفل المقبل. لا يعاد تشفير معطياتك، لذلك لا يستغرق الأمر سوى لحظة.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase</source>
        <translation>عبارة المرور الحالية (&amp;U)</translation>
    </message>
    <message>
        <source>Ne&amp;w passphrase</source>
        <translation>عبارة المرور الجديدة (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one</source>
        <translation>أعد كتابة الجديدة (&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase</source>
        <translation>تغيير عبارة المرور (&amp;H)</translation>
    </message>
    <message>
        <source>Change the passphrase (Enter in the last field)</source>
        <translation>تغيير عبارة المرور (⁦Enter⁩ في الخانة الأخيرة)</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>لا حد أدنى لعدد الأحرف.</numerusform>
            <numerusform>حرف واحد على الأقل.</numerusform>
            <numerusform>حرفان على الأقل.</numerusform>
            <numerusform>%n أحرف على الأقل.</numerusform>
            <numerusform>%n حرفاً على الأقل.</numerusform>
            <numerusform>%n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>ضعيفة: أضف كلمات أو أحرفا.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>متوسطة: بضع كلمات إضافية ستجعلها قوية.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from the next unlock.</source>
        <translation>تم تغيير عبارة المرور. استعمل العبارة الجديدة ابتداء من فتح القفل المقبل.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>A backup file stays encrypted: it opens only with the passphrase in use when it was made.</source>
        <translation>يبقى ملف النسخة الاحتياطية مشفراً: لا يُفتح إلا بعبارة المرور التي كانت مستعملة عند إنشائه.</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>نسخ احتياطي إلى ملف…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>استرجاع من ملف…</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>جارٍ كتابة النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>Passphrase in use when the backup was made:</source>
        <translation>عبارة المرور المستعملة عند إنشاء النسخة الاحتياطية:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Replace everything on this laptop with this backup? Changes made since the backup come back from the server at the next sync; changes never sent are lost. The current vault is kept aside in its folder. fieldapp locks afterwards.</source>
        <translation>هل تريد استبدال كل ما على هذا الحاسوب بهذه النسخة الاحتياطية؟ التعديلات التي أُجريت بعد النسخة الاحتياطية تعود من الخادم عند المزامنة التالية؛ أما التعديلات التي لم تُرسل قط فستضيع. تُحفظ الخزنة المشفرة الحالية جانباً في مجلدها. يُقفل ⁦fieldapp⁩ بعد ذلك.</translation>
    </message>
    <message>
        <source>Replace with the backup</source>
        <translation>الاستبدال بالنسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Keep what is here</source>
        <translation>الإبقاء على ما هنا</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>جارٍ فحص النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>The backup was restored. fieldapp locks now: unlock it with the passphrase of the backup.</source>
        <translation>تم استرجاع النسخة الاحتياطية. يُقفل ⁦fieldapp⁩ الآن: افتحه بعبارة المرور الخاصة بالنسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>Language of the interface; the screens are rebuilt (Alt+L)</source>
        <translation>لغة الواجهة؛ تعرض الشاشات من جديد باللغة المختارة (⁦Alt+L⁩)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Minutes without use before fieldapp locks itself, 1 to 60 (Alt+K)</source>
        <translation>عدد الدقائق دون استعمال قبل أن يقفل ⁦fieldapp⁩ تلقائيا، من 1 إلى 60 (⁦Alt+K⁩)</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes)</source>
        <translation>الإقفال التلقائي بعد (بالدقائق) (&amp;K)</translation>
    </message>
    <message>
        <source>Size of the text in points, applied at once (Alt+T)</source>
        <translation>حجم النص بالنقاط، يطبق فورا (⁦Alt+T⁩)</translation>
    </message>
    <message>
        <source>&amp;Text size (points)</source>
        <translation>حجم النص بالنقاط (&amp;T)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>حول البرنامج</translation>
    </message>
    <message>
        <source>Type the passphrase you use now.</source>
        <translation>اكتب عبارة المرور التي تستعملها حاليا.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>عبارة المرور الجديدة مطابقة للحالية.</translation>
    </message>
    <message>
        <source>The two new passphrases differ. Type the new one again.</source>
        <translation>عبارتا المرور الجديدتان غير متطابقتين. أعد كتابة العبارة الجديدة.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>العمالة أو الإقليم</translation>
    </message>
    <message>
        <source>Device identifier</source>
        <translation>معرف الجهاز</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>مجلد المعطيات</translation>
    </message>
    <message>
        <source>Backup written to {path}. Keep it in a safe place: it opens only with the current passphrase.</source>
        <translation>تمت كتابة النسخة الاحتياطية في ⁦{path}⁩. احفظها في مكان آمن: لا تُفتح إلا بعبارة المرور الحالية.</translation>
    </message>
</context>
<context>
    <name>Shelters</name>
    <message>
        <source>Shelters</source>
        <translation>مراكز الإيواء</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>ممتلئ</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>شبه ممتلئ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (⁦Esc⁩)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>حفظ (&amp;S)</translation>
    </message>
    <message>
        <source>Save (Enter, Ctrl+S)</source>
        <translation>حفظ (⁦Enter⁩ أو ⁦Ctrl+S⁩)</translation>
    </message>
    <message>
        <source>New shelter</source>
        <translation>مركز إيواء جديد</translation>
    </message>
    <message>
        <source>Edit shelter</source>
        <translation>تعديل مركز الإيواء</translation>
    </message>
    <message>
        <source>&amp;New shelter</source>
        <translation>مركز إيواء جديد (&amp;N)</translation>
    </message>
    <message>
        <source>Add a shelter (Ctrl+N)</source>
        <translation>إضافة مركز إيواء (⁦Ctrl+N⁩)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تعديل (&amp;E)</translation>
    </message>
    <message>
        <source>Correct the chosen shelter, its capacity first (Ctrl+E or Enter)</source>
        <translation>تصحيح المركز المختار، بدءا بطاقته الاستيعابية (⁦Ctrl+E⁩ أو ⁦Enter⁩)</translation>
    </message>
    <message>
        <source>People oriented to a shelter during the last 24 hours count as there now. Shelters at 90 % or more are marked nearly full.</source>
        <translation>يحتسب الأشخاص الذين وجهوا إلى مركز خلال الـ24 ساعة الأخيرة ضمن الموجودين حاليا. وتعتبر المراكز المشغولة بنسبة 90 % أو أكثر شبه ممتلئة.</translation>
    </message>
    <message>
        <source>No shelter yet. Shelters listed here show the patrols how many places are free tonight. Add the first one with Ctrl+N.</source>
        <translation>لا يوجد أي مركز إيواء بعد. تبين المراكز المدرجة هنا للدوريات عدد الأماكن الشاغرة هذه الليلة. أضف أول مركز بـ ⁦Ctrl+N⁩.</translation>
    </message>
    <message numerus="yes">
        <source>%n shelter(s)</source>
        <translation>
            <numerusform>لا مراكز</numerusform>
            <numerusform>مركز واحد</numerusform>
            <numerusform>مركزان</numerusform>
            <numerusform>%n مراكز</numerusform>
            <numerusform>%n مركزاً</numerusform>
            <numerusform>%n مركز</numerusform>
        </translation>
    </message>
    <message>
        <source>There now</source>
        <translation>الموجودون حاليا</translation>
    </message>
    <message>
        <source>Free places</source>
        <translation>الأماكن الشاغرة</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>%1 of %2 places taken: people oriented here during the last 24 hours.</source>
        <translation>الأماكن المشغولة: %1 من أصل %2، أي الأشخاص الذين وجهوا إلى هنا خلال الـ24 ساعة الأخيرة.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The administrator revoked this laptop: its records were erased. Ask your administrator before using it again.</source>
        <translation>ألغى مسؤول النظام هذا الحاسوب، وتم محو بياناته. اتصل بمسؤول النظام قبل استعماله من جديد.</translation>
    </message>
    <message>
        <source>Welcome to fieldapp</source>
        <translation>مرحبا بكم في ⁦fieldapp⁩</translation>
    </message>
    <message>
        <source>Your records stay on this laptop, encrypted with your passphrase. Nobody can open them without it, not even the administrator: choose one you will remember, and keep it to yourself.</source>
        <translation>تبقى معطياتك على هذا الحاسوب، مشفرة بعبارة المرور الخاصة بك. لا أحد يستطيع فتحها بدونها، ولا حتى مسؤول النظام: اختر عبارة تتذكرها، واحتفظ بها لنفسك.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة (&amp;L)</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>اسمك (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>الفريق (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>العمالة أو الإقليم (&amp;P)</translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation>عبارة المرور (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>أعد كتابتها (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation>إنشاء خزنتي المشفرة (&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>لا حد أدنى لعدد الأحرف.</numerusform>
            <numerusform>حرف واحد على الأقل.</numerusform>
            <numerusform>حرفان على الأقل.</numerusform>
            <numerusform>%n أحرف على الأقل.</numerusform>
            <numerusform>%n حرفاً على الأقل.</numerusform>
            <numerusform>%n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>ضعيفة: أضف كلمات أو أحرفا.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>متوسطة: بضع كلمات إضافية ستجعلها قوية.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <source>Unlock fieldapp</source>
        <translation>فتح قفل ⁦fieldapp⁩</translation>
    </message>
    <message>
        <source>&amp;Who are you?</source>
        <translation>من أنت؟ (&amp;W)</translation>
    </message>
    <message>
        <source>Members of this computer</source>
        <translation>أعضاء هذا الحاسوب</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>فتح القفل (&amp;U)</translation>
    </message>
    <message>
        <source>Write your name: it is stamped on your changes.</source>
        <translation>اكتب اسمك: سيظهر على كل تعديل تقوم به.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>عبارتا المرور غير متطابقتين. اكتبهما من جديد.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n seconds before trying again.</source>
        <translation>
            <numerusform>يمكنك إعادة المحاولة الآن.</numerusform>
            <numerusform>انتظر ثانية واحدة قبل إعادة المحاولة.</numerusform>
            <numerusform>انتظر ثانيتين قبل إعادة المحاولة.</numerusform>
            <numerusform>انتظر %n ثوانٍ قبل إعادة المحاولة.</numerusform>
            <numerusform>انتظر %n ثانيةً قبل إعادة المحاولة.</numerusform>
            <numerusform>انتظر %n ثانية قبل إعادة المحاولة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>سُجّل من طرف</translation>
    </message>
    <message>
        <source>Last changed by</source>
        <translation>آخر تعديل من طرف</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>الإشراف</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>بداية الفترة</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>نهاية الفترة</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>العمالة أو الإقليم</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>عرض (&amp;S)</translation>
    </message>
    <message>
        <source>Compute the figures of the period (Ctrl+R)</source>
        <translation>حساب أرقام الفترة (⁦Ctrl+R⁩)</translation>
    </message>
    <message>
        <source>Services given by kind</source>
        <translation>الخدمات المقدمة حسب النوع</translation>
    </message>
    <message>
        <source>Encounters per night</source>
        <translation>اللقاءات في كل ليلة</translation>
    </message>
    <message>
        <source>Orientations accepted and refused</source>
        <translation>عمليات التوجيه المقبولة والمرفوضة</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>السجلات المكررة</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>التعديلات المتعارضة</translation>
    </message>
    <message>
        <source>Weekly report (PDF)…</source>
        <translation>التقرير الأسبوعي (⁦PDF⁩)…</translation>
    </message>
    <message>
        <source>The period&apos;s figures and charts as a printable report (Ctrl+Shift+R)</source>
        <translation>أرقام الفترة ورسومها البيانية في تقرير قابل للطباعة (⁦Ctrl+Shift+R⁩)</translation>
    </message>
    <message>
        <source>Enter the start of the period as year-month-day, e.g. 2026-03-21.</source>
        <translation>أدخل بداية الفترة بصيغة سنة-شهر-يوم، مثلاً ⁦2026-03-21⁩.</translation>
    </message>
    <message>
        <source>Enter the end of the period as year-month-day, e.g. 2026-03-21.</source>
        <translation>أدخل نهاية الفترة بصيغة سنة-شهر-يوم، مثلاً ⁦2026-03-21⁩.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>نهاية الفترة سابقة لبدايتها.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>تصدير إلى</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>جدول بيانات (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>التقرير الأسبوعي</translation>
    </message>
    <message>
        <source>This file contains personal data of vulnerable people. Keep it on an encrypted disk, do not e-mail it, delete it when done. A pseudonymised file keeps only ids, dates, codes and counts.</source>
        <translation>يحتوي هذا الملف على معطيات شخصية لأشخاص في وضعية هشاشة. احتفظ به على قرص مشفر، ولا ترسله أبداً عبر البريد الإلكتروني، واحذفه بمجرد الانتهاء منه. أما الملف بأسماء مستعارة فلا يحتفظ إلا بالمعرفات والتواريخ والرموز والأعداد.</translation>
    </message>
    <message>
        <source>&amp;Pseudonymised (no names, CIN, notes or places)</source>
        <translation>بأسماء مستعارة: دون الأسماء وأرقام البطاقة الوطنية والملاحظات والأماكن (&amp;P)</translation>
    </message>
    <message>
        <source>Field names and &amp;codes instead of labels (for data teams)</source>
        <translation>أسماء الحقول والرموز بدل التسميات (لفرق البيانات) (&amp;C)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>until</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>الأشخاص الذين تم اللقاء بهم</translation>
    </message>
    <message>
        <source>Taken in charge</source>
        <translation>الأشخاص الذين تم التكفل بهم</translation>
    </message>
    <message>
        <source>Orientations accepted</source>
        <translation>عمليات التوجيه المقبولة</translation>
    </message>
    <message>
        <source>Orientations refused</source>
        <translation>عمليات التوجيه المرفوضة</translation>
    </message>
    <message>
        <source>Shelter occupancy</source>
        <translation>الأماكن المشغولة بمراكز الإيواء</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>عمليات التتبع المتأخرة</translation>
    </message>
    <message>
        <source>Not seen for 30 days</source>
        <translation>بلا لقاء منذ 30 يوماً</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>اللقاءات</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>الدوريات</translation>
    </message>
    <message>
        <source>Export persons…</source>
        <translation>تصدير الأشخاص…</translation>
    </message>
    <message>
        <source>Persons of the province to CSV or XLSX (Ctrl+Shift+P)</source>
        <translation>تصدير أشخاص العمالة أو الإقليم بصيغة ⁦CSV⁩ أو ⁦XLSX⁩ (⁦Ctrl+Shift+P⁩)</translation>
    </message>
    <message>
        <source>Export encounters…</source>
        <translation>تصدير اللقاءات…</translation>
    </message>
    <message>
        <source>Encounters of the period to CSV or XLSX (Ctrl+Shift+E)</source>
        <translation>تصدير لقاءات الفترة بصيغة ⁦CSV⁩ أو ⁦XLSX⁩ (⁦Ctrl+Shift+E⁩)</translation>
    </message>
    <message>
        <source>Export cases…</source>
        <translation>تصدير الملفات…</translation>
    </message>
    <message>
        <source>Cases opened in the period to CSV or XLSX (Ctrl+Shift+C)</source>
        <translation>تصدير الملفات المفتوحة خلال الفترة بصيغة ⁦CSV⁩ أو ⁦XLSX⁩ (⁦Ctrl+Shift+C⁩)</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>تم إلغاء التصدير.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>مرفوضة</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to {path}.</source>
        <translation>
            <numerusform>لم يُصدَّر أي سطر إلى ⁦{path}⁩.</numerusform>
            <numerusform>تم تصدير سطر واحد إلى ⁦{path}⁩.</numerusform>
            <numerusform>تم تصدير سطرين إلى ⁦{path}⁩.</numerusform>
            <numerusform>تم تصدير %n أسطر إلى ⁦{path}⁩.</numerusform>
            <numerusform>تم تصدير %n سطراً إلى ⁦{path}⁩.</numerusform>
            <numerusform>تم تصدير %n سطر إلى ⁦{path}⁩.</numerusform>
        </translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>تم حفظ التقرير في ⁦{path}⁩.</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder. ({0})</source>
        <translation>تعذر حفظ الملف. اختر مجلدا آخر. ({0})</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>العدد</translation>
    </message>
    <message>
        <source>Weekly vigilance report</source>
        <translation>التقرير الأسبوعي لليقظة الاجتماعية</translation>
    </message>
    <message>
        <source>{province}, from {since} to {until}</source>
        <translation>{province}، من {since} إلى {until}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>الفئة المستهدفة</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>مركز الإيواء</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>الأماكن المشغولة</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>places taken of all the places</comment>
        <translation>%1 من أصل %2</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>الملفات حسب الحالة</translation>
    </message>
    <message>
        <source>Cases by target group</source>
        <translation>الملفات حسب الفئة المستهدفة</translation>
    </message>
    <message>
        <source>Shelters</source>
        <translation>مراكز الإيواء</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This laptop is enrolled.</source>
        <translation>هذا الحاسوب مسجل.</translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation>غير مسجل لدى أي خادم</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>مزامنة الآن (⁦F5⁩)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>عنوان الخادم</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <source>Certificate file (optional)</source>
        <translation>ملف الشهادة (اختياري)</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>تسجيل (&amp;E)</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>ملف الشهادة</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>تمت المزامنة على الساعة %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>لم يرفض الخادم أي تعديل</numerusform>
            <numerusform>رفض الخادم تعديلاً واحداً</numerusform>
            <numerusform>رفض الخادم تعديلين</numerusform>
            <numerusform>رفض الخادم %n تعديلات</numerusform>
            <numerusform>رفض الخادم %n تعديلاً</numerusform>
            <numerusform>رفض الخادم %n تعديل</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>توقفت المزامنة: %1</translation>
    </message>
    <message>
        <source>Changes refused by the server</source>
        <translation>التعديلات التي رفضها الخادم</translation>
    </message>
    <message>
        <source>This laptop is not enrolled: ask your administrator for a one-time code, then enter the server address and the code.</source>
        <translation>هذا الحاسوب غير مسجل: اطلب من مسؤول النظام رمزا صالحا لمرة واحدة، ثم أدخل عنوان الخادم والرمز.</translation>
    </message>
    <message>
        <source>Enter the server address and the code.</source>
        <translation>أدخل عنوان الخادم والرمز.</translation>
    </message>
    <message>
        <source>Enrolled with %1 (area: %2).</source>
        <translation>مسجل لدى %1 (النطاق: %2).</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message numerus="yes">
        <source>patrol(s) in progress</source>
        <translation>
            <numerusform>دوريات جارية</numerusform>
            <numerusform>دورية جارية</numerusform>
            <numerusform>دوريتان جاريتان</numerusform>
            <numerusform>دوريات جارية</numerusform>
            <numerusform>دورية جارية</numerusform>
            <numerusform>دورية جارية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue follow-up(s)</source>
        <translation>
            <numerusform>عمليات تتبع متأخرة</numerusform>
            <numerusform>عملية تتبع متأخرة</numerusform>
            <numerusform>عمليتا تتبع متأخرتان</numerusform>
            <numerusform>عمليات تتبع متأخرة</numerusform>
            <numerusform>عملية تتبع متأخرة</numerusform>
            <numerusform>عملية تتبع متأخرة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>follow-up(s) due this week</source>
        <translation>
            <numerusform>عمليات تتبع مقررة هذا الأسبوع</numerusform>
            <numerusform>عملية تتبع مقررة هذا الأسبوع</numerusform>
            <numerusform>عمليتا تتبع مقررتان هذا الأسبوع</numerusform>
            <numerusform>عمليات تتبع مقررة هذا الأسبوع</numerusform>
            <numerusform>عملية تتبع مقررة هذا الأسبوع</numerusform>
            <numerusform>عملية تتبع مقررة هذا الأسبوع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change(s) waiting to sync</source>
        <translation>
            <numerusform>تعديلات في انتظار المزامنة</numerusform>
            <numerusform>تعديل في انتظار المزامنة</numerusform>
            <numerusform>تعديلان في انتظار المزامنة</numerusform>
            <numerusform>تعديلات في انتظار المزامنة</numerusform>
            <numerusform>تعديلاً في انتظار المزامنة</numerusform>
            <numerusform>تعديل في انتظار المزامنة</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Follow-ups due and overdue</source>
        <translation>عمليات التتبع المقررة والمتأخرة</translation>
    </message>
    <message>
        <source>Nothing due today. Open Patrols (Ctrl+2) to start a patrol, or look a person up with Ctrl+K.</source>
        <translation>لا شيء مقرر اليوم. افتح «الدوريات» (⁦Ctrl+2⁩) لبدء دورية، أو ابحث عن شخص باستعمال ⁦Ctrl+K⁩.</translation>
    </message>
    <message>
        <source>Patrols in progress</source>
        <translation>الدوريات الجارية</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>منذ %1</translation>
    </message>
</context>
</TS>
