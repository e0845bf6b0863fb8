<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CaseDetail</name>
    <message>
        <source>Listening</source>
        <translation>Écoute</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan d’accompagnement</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>Médiation familiale</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Référencements</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Next action: none planned.</source>
        <translation>Prochaine action : aucune prévue.</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>Ce dossier n’existe plus.</translation>
    </message>
    <message>
        <source>Overdue action: %1 — was due %2</source>
        <translation>Action en retard : %1 — prévue le %2</translation>
    </message>
    <message>
        <source>Next action: %1 — due %2</source>
        <translation>Prochaine action : %1 — prévue le %2</translation>
    </message>
    <message>
        <source>opened on %1</source>
        <translation>ouvert le %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>enregistré par %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add (Ctrl+S)</source>
        <translation>Ajouter (Ctrl+S)</translation>
    </message>
    <message>
        <source>Send referral</source>
        <translation>Envoyer le référencement</translation>
    </message>
    <message>
        <source>Record the referral as sent (Ctrl+S)</source>
        <translation>Enregistrer le référencement comme envoyé (Ctrl+S)</translation>
    </message>
    <message>
        <source>The institution&apos;s answer to the referral chosen above:</source>
        <translation>Réponse de l’institution au référencement choisi ci-dessus :</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <source>Record the institution&apos;s answer for the chosen referral (Ctrl+U)</source>
        <translation>Enregistrer la réponse de l’institution au référencement choisi (Ctrl+U)</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer comme réalisé</translation>
    </message>
    <message>
        <source>Mark the chosen action done today (Ctrl+D)</source>
        <translation>Marquer l’action choisie comme réalisée aujourd’hui (Ctrl+D)</translation>
    </message>
    <message>
        <source>Send a new referral:</source>
        <translation>Envoyer un nouveau référencement :</translation>
    </message>
    <message>
        <source>Why reopen</source>
        <translation>Motif de la réouverture</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>Rouvrir le dossier</translation>
    </message>
    <message>
        <source>Reopen the case to continue the accompaniment (Ctrl+S)</source>
        <translation>Rouvrir le dossier pour poursuivre l’accompagnement (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Clôturer le dossier</translation>
    </message>
    <message>
        <source>Close the case with this reason (Ctrl+S)</source>
        <translation>Clôturer le dossier pour ce motif (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close the case when the accompaniment ends; it can be reopened.</source>
        <translation>Clôturez le dossier à la fin de l’accompagnement ; il pourra être rouvert.</translation>
    </message>
    <message>
        <source>→ %1</source>
        <comment>assigned to someone</comment>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>réalisé le %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>prévu le %1</translation>
    </message>
    <message>
        <source>Closed on %1: %2</source>
        <translation>Clôturé le %1 : %2</translation>
    </message>
    <message>
        <source>Year-month-day; ↑ and ↓ move the date by one day</source>
        <translation>Année-mois-jour ; ↑ et ↓ changent la date d’un jour</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Type a name in Arabic or Latin letters, a nickname or a CIN</source>
        <translation>Saisissez un nom en lettres arabes ou latines, un surnom ou un n° de CIN</translation>
    </message>
    <message>
        <source>Matching persons</source>
        <translation>Personnes correspondantes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the case (Ctrl+S)</source>
        <translation>Ouvrir le dossier (Ctrl+S)</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>Dossiers à afficher</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Open a case for a person (Ctrl+Shift+N)</source>
        <translation>Ouvrir un dossier pour une personne (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>No case yet. A case follows one person through listening, assessment, an accompaniment plan, mediation, referrals and follow-ups. Open a case for a person with Ctrl+Shift+N.</source>
        <translation>Aucun dossier pour l’instant. Un dossier suit une personne de l’écoute à l’évaluation, au plan d’accompagnement, à la médiation familiale, aux référencements et aux suivis. Ouvrez un dossier pour une personne avec Ctrl+Maj+N.</translation>
    </message>
    <message>
        <source>Choose a case in the list to see its stages.</source>
        <translation>Choisissez un dossier dans la liste pour voir ses étapes.</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>Leave without opening the case?</source>
        <translation>Quitter sans ouvrir le dossier ?</translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation>Ce que vous avez saisi sera perdu.</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Pour : %1</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
</context>
<context>
    <name>Encounter</name>
    <message>
        <source>&amp;Listening</source>
        <comment>service checkbox: the letter after &amp; is its Alt key; not N, A, W nor a digit</comment>
        <translation>É&amp;coute</translation>
    </message>
    <message>
        <source>&amp;Transport to a centre</source>
        <comment>service checkbox: the letter after &amp; is its Alt key; not N, A, W nor a digit</comment>
        <translation>&amp;Transport vers un centre</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n place(s) free</source>
        <translation>
            <numerusform>%1 — %n place libre</numerusform>
            <numerusform>%1 — %n places libres</numerusform>
        </translation>
    </message>
    <message>
        <source>Alt and the key shown before a service tick or untick it</source>
        <translation>Alt et la touche affichée devant un service le cochent ou le décochent</translation>
    </message>
    <message>
        <source>What helps to recognise them</source>
        <translation>Ce qui aide à reconnaître la personne</translation>
    </message>
    <message>
        <source>Minor (child protection): the situation, the place and an orientation are required; if they refuse, give the reason.</source>
        <translation>Mineur(e) (protection de l’enfance) : la situation, le lieu et une orientation sont obligatoires ; en cas de refus, indiquez le motif.</translation>
    </message>
    <message>
        <source>In danger: a follow-up is required.</source>
        <translation>En danger : un suivi est obligatoire.</translation>
    </message>
    <message>
        <source>Who?</source>
        <translation>Qui ?</translation>
    </message>
    <message>
        <source>A name in Arabic or Latin letters, a nickname, a CIN — ↓ to choose</source>
        <translation>Un nom en lettres arabes ou latines, un surnom, un n° de CIN — ↓ pour choisir</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <source>A new person from what you typed (Alt+N)</source>
        <translation>Une nouvelle personne à partir de ce que vous avez saisi (Alt+N)</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Someone who gives no name (Alt+A)</source>
        <translation>Une personne qui ne donne pas son nom (Alt+A)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>Back to Who? (Alt+W)</source>
        <translation>Retour à « Qui ? » (Alt+W)</translation>
    </message>
    <message>
        <source>Persons found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>No one found: Alt+N records a new person, Alt+A an anonymous encounter.</source>
        <translation>Aucun résultat : Alt+N enregistre une nouvelle personne, Alt+A une rencontre anonyme.</translation>
    </message>
    <message>
        <source>Without consent this person is not recorded: the encounter is saved as anonymous, with sex and age only.</source>
        <translation>Sans consentement, cette personne n’est pas enregistrée : la rencontre est enregistrée comme anonyme, avec seulement le sexe et l’âge.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>Enregistrer et passer à la suivante</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Anonymous encounter (still counted)</source>
        <translation>Rencontre anonyme (comptée quand même)</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>Cancel this encounter?</source>
        <translation>Annuler cette rencontre ?</translation>
    </message>
    <message>
        <source>What you typed for this encounter will be lost.</source>
        <translation>Ce que vous avez saisi pour cette rencontre sera perdu.</translation>
    </message>
    <message>
        <source>Recorded in the patrol: %1</source>
        <translation>Enregistrée dans la maraude : %1</translation>
    </message>
    <message>
        <source>Saved: %1 at %2</source>
        <translation>Enregistré : %1 à %2</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Year-month-day and hour:minute; ↑ and ↓ move the date by one day</source>
        <translation>Année-mois-jour et heure:minute ; ↑ et ↓ changent la date d’un jour</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n caractère restant</numerusform>
            <numerusform>%n caractères restants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n caractère en trop</numerusform>
            <numerusform>%n caractères en trop</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Verrouiller maintenant (Ctrl+L)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n modification en attente de synchronisation</numerusform>
            <numerusform>%n modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong inside fieldapp. What you saved is safe. If this happens again, tell your administrator: the details are in the log file %1.</source>
        <translation>Un problème est survenu dans fieldapp. Ce que vous avez enregistré est en sécurité. Si cela se reproduit, prévenez votre administrateur : les détails sont dans le journal %1.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>%n record(s) received from the server could not be read and were set aside; the others were received. Tell your administrator.</source>
        <translation>
            <numerusform>%n enregistrement reçu du serveur n&apos;a pas pu être lu et a été mis de côté ; les autres ont été reçus. Prévenez votre administrateur.</numerusform>
            <numerusform>%n enregistrements reçus du serveur n&apos;ont pas pu être lus et ont été mis de côté ; les autres ont été reçus. Prévenez votre administrateur.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check the keyboard language and Caps Lock, then try again.</source>
        <translation>La phrase secrète est incorrecte. Vérifiez la langue du clavier et la touche Verr. Maj (Caps Lock), puis réessayez.</translation>
    </message>
    <message>
        <source>There is no vault in this folder yet.</source>
        <translation>Ce répertoire ne contient pas encore de coffre-fort.</translation>
    </message>
    <message>
        <source>A vault already exists in this folder; it was left untouched.</source>
        <translation>Un coffre-fort existe déjà dans ce répertoire ; il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>This file is not an encrypted fieldapp vault, so it was not opened. Choose the right folder or ask your administrator.</source>
        <translation>Ce fichier n’est pas un coffre-fort chiffré de fieldapp ; il n’a donc pas été ouvert. Choisissez le bon répertoire ou adressez-vous à l’administrateur système.</translation>
    </message>
    <message>
        <source>Part of the vault file is damaged, so fieldapp saves nothing more in it; what you see may be incomplete. Restore the vault from a backup, or ask your administrator.</source>
        <translation>Une partie du fichier du coffre-fort est endommagée : fieldapp n’y enregistre plus rien, et ce que vous voyez peut être incomplet. Restaurez le coffre-fort depuis une sauvegarde, ou adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>The vault file is damaged or has been tampered with, so it was not opened and nothing was changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier du coffre-fort est endommagé ou a été altéré : il n’a pas été ouvert et rien n’a été modifié. Restaurez-le à partir d’une sauvegarde ou adressez-vous à l’administrateur système.</translation>
    </message>
    <message>
        <source>Your role does not allow this; nothing was changed. Ask your supervisor if you need it.</source>
        <translation>Votre rôle ne le permet pas ; rien n’a été modifié. Demandez à votre superviseur si vous en avez besoin.</translation>
    </message>
    <message>
        <source>There is no member of this name on this computer.</source>
        <translation>Aucun membre de ce nom sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The last member of a vault cannot be removed.</source>
        <translation>Le dernier membre d’un coffre-fort ne peut pas être retiré.</translation>
    </message>
    <message>
        <source>Your administrator removed you from this computer: your passphrase no longer opens it. The other members&apos; work is untouched.</source>
        <translation>Votre administrateur vous a retiré de cet ordinateur : votre phrase secrète ne l&apos;ouvre plus. Le travail des autres membres est intact.</translation>
    </message>
    <message>
        <source>This is not the organisation&apos;s recovery key for this vault; nothing was opened.</source>
        <translation>Ce n’est pas la clé de récupération de l’organisation pour ce coffre-fort ; rien n’a été ouvert.</translation>
    </message>
    <message>
        <source>Give the member&apos;s name (--name).</source>
        <translation>Indiquez le nom du membre (--name).</translation>
    </message>
    <message>
        <source>This role does not exist.</source>
        <translation>Ce rôle n’existe pas.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of fieldapp. Install the latest version to open it; nothing was changed.</source>
        <translation>Ce coffre-fort a été enregistré par une version plus récente de fieldapp. Installez la dernière version pour l’ouvrir ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Choisissez une phrase secrète d’au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Choose a province from the list.</source>
        <translation>Choisissez une préfecture ou une province dans la liste.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Free some space (empty the recycle bin, remove large files), then save again: what you typed is still here.</source>
        <translation>Le disque est plein : la dernière modification n’a pas été enregistrée. Libérez de l’espace (videz la corbeille, supprimez les fichiers volumineux), puis enregistrez à nouveau : ce que vous avez saisi est toujours là.</translation>
    </message>
    <message>
        <source>The vault is busy in another window. Wait a moment, then try again.</source>
        <translation>Le coffre-fort est utilisé dans une autre fenêtre. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>The vault cannot be written (read-only folder or disk). Check the folder&apos;s permissions, then save again.</source>
        <translation>Impossible d’écrire dans le coffre-fort (répertoire ou disque en lecture seule). Vérifiez les droits d’accès du répertoire, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>The vault could not be read or written. Restart fieldapp; if this happens again, ask your administrator.</source>
        <translation>Impossible de lire ou d’écrire le coffre-fort. Redémarrez fieldapp ; si le problème se reproduit, adressez-vous à l’administrateur système.</translation>
    </message>
    <message>
        <source>Some values need correcting; see the marked fields.</source>
        <translation>Certaines valeurs sont à corriger ; voyez les champs signalés.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Cette fiche n’existe plus.</translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file FILE or the FIELDAPP_PASSPHRASE environment variable.</source>
        <translation>Aucune phrase secrète fournie : utilisez --passphrase-file suivi du chemin du fichier qui la contient, ou la variable d’environnement FIELDAPP_PASSPHRASE.</translation>
    </message>
    <message>
        <source>This file is not a fieldapp backup, so nothing was restored. Choose the backup file again.</source>
        <translation>Ce fichier n’est pas une sauvegarde fieldapp : rien n’a été restauré. Choisissez à nouveau le fichier de sauvegarde.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete, so nothing was restored and the vault on this laptop is unchanged. Use another backup, or ask your administrator.</source>
        <translation>Cette sauvegarde est endommagée ou incomplète : rien n’a été restauré et le coffre-fort de cet ordinateur est inchangé. Utilisez une autre sauvegarde ou adressez-vous à l’administrateur système.</translation>
    </message>
    <message>
        <source>The passphrase does not open this backup, so nothing was restored. Type the passphrase that was in use when the backup was made.</source>
        <translation>Cette phrase secrète n’ouvre pas cette sauvegarde : rien n’a été restauré. Saisissez la phrase secrète utilisée au moment de la sauvegarde.</translation>
    </message>
    <message>
        <source>The folder chosen for the backup does not exist, so nothing was written. Plug in the USB stick or choose another folder, then try again.</source>
        <translation>Le répertoire choisi pour la sauvegarde n’existe pas : rien n’a été écrit. Branchez la clé USB ou choisissez un autre répertoire, puis réessayez.</translation>
    </message>
    <message>
        <source>The folder chosen for the backup cannot be written (read-only, or it belongs to someone else), so nothing was written. Choose another folder, then try again.</source>
        <translation>Impossible d’écrire dans le répertoire choisi pour la sauvegarde (lecture seule, ou il appartient à quelqu’un d’autre) : rien n’a été écrit. Choisissez un autre répertoire, puis réessayez.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it, then try again.</source>
        <translation>Le coffre-fort est verrouillé. Déverrouillez-le, puis réessayez.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Une erreur s’est produite.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Préfecture ou province</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Name (Arabic script)</source>
        <translation>Nom (caractères arabes)</translation>
    </message>
    <message>
        <source>Name (Latin script)</source>
        <translation>Nom (caractères latins)</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Surnom</translation>
    </message>
    <message>
        <source>CIN</source>
        <translation>CIN</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Âge approximatif</translation>
    </message>
    <message>
        <source>Age noted on</source>
        <translation>Âge relevé le</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Vulnérabilité</translation>
    </message>
    <message>
        <source>Consent to keep personal data</source>
        <translation>Consentement à la conservation des données personnelles</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Fusionné avec</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Membres de l’équipe</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation>Maraude</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Met at</source>
        <translation>Date et heure de la rencontre</translation>
    </message>
    <message>
        <source>Location or landmark</source>
        <translation>Lieu ou point de repère</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Medical check outcome</source>
        <translation>Résultat de l’examen médical</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Centre d’hébergement</translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation>Motif du refus</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Population cible</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Date d’ouverture</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Date de clôture</translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Confié à</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Réalisé le</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>Nom de l’institution</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Date d’envoi</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Date du statut</translation>
    </message>
    <message>
        <source>Name (French)</source>
        <translation>Nom (en français)</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité d’accueil</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>%n caractère au maximum.</numerusform>
            <numerusform>%n caractères au maximum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) are there now: the capacity cannot be lower.</source>
        <translation>
            <numerusform>%n personne est présente : la capacité ne peut pas être inférieure.</numerusform>
            <numerusform>%n personnes sont présentes : la capacité ne peut pas être inférieure.</numerusform>
        </translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>This value has the wrong form.</source>
        <translation>Cette valeur n’a pas le bon format.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Saisissez un nombre entier.</translation>
    </message>
    <message>
        <source>Enter a date as year-month-day, e.g. 2026-03-21.</source>
        <translation>Saisissez une date au format année-mois-jour, par ex. 2026-03-21.</translation>
    </message>
    <message>
        <source>Enter a date and a time as year-month-day hour:minute, e.g. 2026-03-21 22:30.</source>
        <translation>Saisissez une date et une heure au format année-mois-jour heure:minute, par ex. 2026-03-21 22:30.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Choisissez une valeur dans la liste.</translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation>Trop d’éléments saisis.</translation>
    </message>
    <message>
        <source>Choose an existing record.</source>
        <translation>Choisissez une fiche existante.</translation>
    </message>
    <message>
        <source>Write this name in Arabic letters (use the other field for Latin letters).</source>
        <translation>Écrivez ce nom en caractères arabes (utilisez l’autre champ pour les caractères latins).</translation>
    </message>
    <message>
        <source>Write this name in Latin letters (use the other field for Arabic letters).</source>
        <translation>Écrivez ce nom en caractères latins (utilisez l’autre champ pour les caractères arabes).</translation>
    </message>
    <message>
        <source>A CIN is one or two capital letters followed by digits, e.g. AB123456.</source>
        <translation>Le numéro de CIN commence par une ou deux lettres majuscules suivies de chiffres, par ex. AB123456.</translation>
    </message>
    <message>
        <source>Give at least a name or a nickname.</source>
        <translation>Indiquez au moins un nom ou un surnom.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Cette date est dans le futur.</translation>
    </message>
    <message>
        <source>This date is more than 120 years ago.</source>
        <translation>Cette date remonte à plus de 120 ans.</translation>
    </message>
    <message>
        <source>This date is before the start.</source>
        <translation>Cette date est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>An anonymous encounter has no person.</source>
        <translation>Une rencontre anonyme n’est rattachée à aucune personne.</translation>
    </message>
    <message>
        <source>Choose a person, create one, or mark the encounter anonymous.</source>
        <translation>Choisissez une personne, créez-en une, ou cochez « Anonyme ».</translation>
    </message>
    <message>
        <source>A reason is only given when the person refused.</source>
        <translation>Le motif n’est indiqué que si la personne a refusé.</translation>
    </message>
    <message>
        <source>A shelter is only chosen for an orientation to a shelter.</source>
        <translation>Le centre d’hébergement n’est choisi qu’en cas d’orientation vers un centre d’hébergement.</translation>
    </message>
    <message>
        <source>Required for a minor (child protection).</source>
        <translation>Obligatoire pour un(e) mineur(e) (protection de l’enfance).</translation>
    </message>
    <message>
        <source>A minor is never left without an orientation: choose one, or choose Refused and give the reason.</source>
        <translation>Un(e) mineur(e) n’est jamais laissé(e) sans orientation : choisissez-en une, ou choisissez « Refus » et indiquez le motif.</translation>
    </message>
    <message>
        <source>Tick the medical check to give its outcome.</source>
        <translation>Cochez « Examen médical » pour en indiquer le résultat.</translation>
    </message>
    <message>
        <source>A reason for closure is only given when closing.</source>
        <translation>Le motif de clôture n’est indiqué qu’à la clôture du dossier.</translation>
    </message>
    <message>
        <source>This province is outside the area of this laptop.</source>
        <translation>Cette préfecture ou province est hors du périmètre de cet ordinateur.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http:// is only for a server on this computer), so nothing was sent. Check the address.</source>
        <translation>L&apos;adresse du serveur doit commencer par https:// (http:// seul n&apos;est permis que pour un serveur sur cet ordinateur) : rien n&apos;a été envoyé. Vérifiez l&apos;adresse.</translation>
    </message>
    <message>
        <source>An enrollment code has 16 letters and digits, like 1A2B-3C4D-5E6F-7A8B. Check the code you typed; nothing was sent.</source>
        <translation>Un code d&apos;inscription compte 16 lettres et chiffres, comme 1A2B-3C4D-5E6F-7A8B. Vérifiez le code saisi ; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>The server received other changes under this laptop&apos;s identity (a copy of this laptop, or a stolen token). Your changes are kept here. Ask your administrator to revoke this device and give you a new enrollment code: enrolling again sends them.</source>
        <translation>Le serveur a reçu d&apos;autres modifications sous l&apos;identité de cet ordinateur (une copie de celui-ci, ou un jeton volé). Vos modifications sont gardées ici. Demandez à votre administrateur de révoquer cet appareil et de vous donner un nouveau code d&apos;inscription : une nouvelle inscription les enverra.</translation>
    </message>
    <message>
        <source>No connection to the server. Your changes are kept on this laptop and will be sent when the network is back.</source>
        <translation>Pas de connexion au serveur. Vos modifications restent sur cet ordinateur et seront envoyées au retour du réseau.</translation>
    </message>
    <message>
        <source>The server has a problem. Your changes are kept on this laptop; fieldapp will try again later.</source>
        <translation>Le serveur rencontre un problème. Vos modifications restent sur cet ordinateur ; fieldapp réessaiera plus tard.</translation>
    </message>
    <message>
        <source>The server no longer accepts this laptop (it was revoked or never enrolled). Ask your administrator for a new enrollment code.</source>
        <translation>Le serveur n’accepte plus cet ordinateur (révoqué ou jamais inscrit). Demandez un nouveau code d’inscription à votre administrateur.</translation>
    </message>
    <message>
        <source>The server refused changes outside the area of this laptop. Ask your administrator.</source>
        <translation>Le serveur a refusé des modifications hors du territoire de cet ordinateur. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>The server and this laptop disagree about the changes already sent. Ask your administrator.</source>
        <translation>Le serveur et cet ordinateur ne sont pas d’accord sur les modifications déjà envoyées. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <source>The server refused some changes; see the list of refused changes.</source>
        <translation>Le serveur a refusé certaines modifications ; consultez la liste des modifications refusées.</translation>
    </message>
    <message>
        <source>The server does not understand this version of fieldapp. Install the latest version.</source>
        <translation>Le serveur ne comprend pas cette version de fieldapp. Installez la dernière version.</translation>
    </message>
    <message>
        <source>This enrollment code is unknown, already used or expired. Ask your administrator for a new one.</source>
        <translation>Ce code d’inscription est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>The server is busy. fieldapp will try again in a moment.</source>
        <translation>Le serveur est occupé. fieldapp réessaiera dans un instant.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent. Check the server address, or ask your administrator for the certificate file.</source>
        <translation>Le certificat du serveur n’est pas reconnu : rien n’a été envoyé. Vérifiez l’adresse du serveur ou demandez le fichier de certificat à votre administrateur.</translation>
    </message>
    <message>
        <source>This is not a server address. Type it as https:// followed by the server&apos;s name, e.g. https://sync.example.ma</source>
        <translation>Ce n&apos;est pas une adresse de serveur. Saisissez https:// suivi du nom du serveur, par exemple https://sync.example.ma</translation>
    </message>
    <message>
        <source>Refused: the server does not know the member who made this change on this laptop (or they were removed). The change is kept here; ask your administrator.</source>
        <translation>Refusé : le serveur ne connaît pas le membre qui a fait cette modification sur cet ordinateur (ou il a été retiré). La modification est conservée ici ; demandez à votre administrateur.</translation>
    </message>
    <message>
        <source>Refused: some values do not follow the rules of the record. The change is kept on this laptop.</source>
        <translation>Refusé : certaines valeurs ne suivent pas les règles de la fiche. La modification est conservée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Refused: a record cannot move to another province.</source>
        <translation>Refusé : une fiche ne peut pas changer de préfecture ou province.</translation>
    </message>
    <message>
        <source>Refused: the server does not have this record.</source>
        <translation>Refusé : le serveur n&apos;a pas cette fiche.</translation>
    </message>
    <message>
        <source>Refused: this laptop&apos;s clock is far ahead. Set the date and time, then record the change again.</source>
        <translation>Refusé : l&apos;horloge de cet ordinateur est très en avance. Réglez la date et l&apos;heure, puis refaites la modification.</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>Saisissez un nombre de {min} à {max}.</translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation>Refusé par le serveur (%1).</translation>
    </message>
    <message>
        <source>Refused: a %1 may not %2. The change is kept on this laptop; ask your supervisor.</source>
        <translation>Refusé : le rôle « %1 » ne permet pas de %2. La modification est conservée sur cet ordinateur ; demandez à votre superviseur.</translation>
    </message>
</context>
<context>
    <name>Patrols</name>
    <message numerus="yes">
        <source>%n encounter(s)</source>
        <translation>
            <numerusform>%n rencontre</numerusform>
            <numerusform>%n rencontres</numerusform>
        </translation>
    </message>
    <message>
        <source>Another patrol of this team is open</source>
        <translation>Une autre maraude de cette équipe est ouverte</translation>
    </message>
    <message>
        <source>Encounters are saved into the patrol you open. Go to the patrol in progress, or start a second one for the same team?</source>
        <translation>Les rencontres sont enregistrées dans la maraude que vous ouvrez. Aller à la maraude en cours, ou démarrer une deuxième maraude pour la même équipe ?</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>Maraudes</translation>
    </message>
    <message>
        <source>Go to the patrol in progress</source>
        <translation>Aller à la maraude en cours</translation>
    </message>
    <message>
        <source>Start a second patrol</source>
        <translation>Démarrer une deuxième maraude</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Retour au formulaire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>Démarrer (Entrée)</translation>
    </message>
    <message>
        <source>Start a patrol</source>
        <translation>Démarrer une maraude</translation>
    </message>
    <message>
        <source>Start a patrol (Ctrl+P)</source>
        <translation>Démarrer une maraude (Ctrl+P)</translation>
    </message>
    <message>
        <source>No patrol yet — Start a patrol (Ctrl+P)</source>
        <translation>Aucune maraude pour l’instant — Démarrez une maraude (Ctrl+P)</translation>
    </message>
    <message>
        <source>New encounter</source>
        <translation>Nouvelle rencontre</translation>
    </message>
    <message>
        <source>New encounter (Ctrl+N)</source>
        <translation>Nouvelle rencontre (Ctrl+N)</translation>
    </message>
    <message>
        <source>End patrol</source>
        <translation>Terminer la maraude</translation>
    </message>
    <message>
        <source>End patrol (Ctrl+Shift+E)</source>
        <translation>Terminer la maraude (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Encounters of this patrol</source>
        <translation>Rencontres de cette maraude</translation>
    </message>
    <message>
        <source>started at %1</source>
        <translation>commencée à %1</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>Noms séparés par des virgules</translation>
    </message>
    <message>
        <source>Services: %1</source>
        <translation>Services : %1</translation>
    </message>
    <message>
        <source>Save (Ctrl+S) or cancel (Esc) the encounter first.</source>
        <translation>Enregistrez (Ctrl+S) ou annulez (Échap) d’abord la rencontre.</translation>
    </message>
    <message>
        <source>People met: %1 (anonymous: %2)</source>
        <translation>Personnes rencontrées : %1 (anonymes : %2)</translation>
    </message>
    <message>
        <source>Oriented: %1 · refused: %2</source>
        <translation>Orientées : %1 · refus : %2</translation>
    </message>
    <message>
        <source>%1 already has a patrol in progress on %2 (%3).</source>
        <translation>%1 a déjà une maraude en cours le %2 (%3).</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <source>Possibly the same as:</source>
        <translation>Peut-être la même personne que :</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation>
            <numerusform>environ %n an</numerusform>
            <numerusform>environ %n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>enregistré par %1</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Ouverture du dossier</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Référencement</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>prévu le %1</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Split off</source>
        <translation>Séparer</translation>
    </message>
    <message>
        <source>Not the same person after all: this record goes back on its own, with its encounters and cases</source>
        <translation>Finalement pas la même personne : cette fiche redevient indépendante, avec ses rencontres et ses dossiers</translation>
    </message>
    <message>
        <source>Search a name in Arabic or Latin letters, a nickname, a CIN (Ctrl+K)</source>
        <translation>Rechercher un nom en lettres arabes ou latines, un surnom, un n° de CIN (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation>Rechercher des personnes</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Nouvelle personne</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière rencontre</translation>
    </message>
    <message>
        <source>Records merged into this person:</source>
        <translation>Fiches fusionnées avec cette personne :</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>La fiche de cette personne n’existe plus.</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Rien n’a encore été enregistré.</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <source>People who may have been recorded more than once</source>
        <translation>Personnes peut-être enregistrées plusieurs fois</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Merge those ticked as the same person into the one kept (Ctrl+M)</source>
        <translation>Fusionner les fiches cochées comme la même personne dans celle qui est gardée (Ctrl+M)</translation>
    </message>
    <message>
        <source>Not the same</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <source>Different people: never propose them together again (Ctrl+D)</source>
        <translation>Personnes différentes : ne plus jamais les proposer ensemble (Ctrl+D)</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Next in the queue (Ctrl+Right)</source>
        <translation>Proposition suivante (Ctrl+Droite)</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Annuler la fusion</translation>
    </message>
    <message>
        <source>Undo the last merge (Ctrl+Z)</source>
        <translation>Annuler la dernière fusion (Ctrl+Z)</translation>
    </message>
    <message>
        <source>No likely duplicates. Records that may be the same person appear here to be merged or told apart.</source>
        <translation>Aucun doublon probable. Les fiches qui concernent peut-être la même personne apparaissent ici, pour être fusionnées ou distinguées.</translation>
    </message>
    <message numerus="yes">
        <source>Likely the same person (%n)</source>
        <translation>
            <numerusform>Probablement la même personne (%n)</numerusform>
            <numerusform>Probablement la même personne (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Possible — check before merging (%n)</source>
        <translation>
            <numerusform>Possible — à vérifier avant de fusionner (%n)</numerusform>
            <numerusform>Possible — à vérifier avant de fusionner (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Une erreur s’est produite.</translation>
    </message>
    <message>
        <source>Possible — check before merging: only a first name or a nickname, the sex, the province and the age match.</source>
        <translation>Possible — à vérifier avant de fusionner : seuls un prénom ou un surnom, le sexe, la préfecture ou province et l’âge correspondent.</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Garder celle-ci</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Même personne</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>%1 and %2: %3</source>
        <translation>%1 et %2 : %3</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Same CIN</source>
        <translation>Même n° de CIN</translation>
    </message>
    <message>
        <source>Different CINs</source>
        <translation>N° de CIN différents</translation>
    </message>
    <message>
        <source>Names match across Arabic and Latin script</source>
        <translation>Les noms correspondent entre lettres arabes et latines</translation>
    </message>
    <message>
        <source>Names match</source>
        <translation>Les noms correspondent</translation>
    </message>
    <message>
        <source>Only the first name is known on one side</source>
        <translation>Seul le prénom est connu d’un côté</translation>
    </message>
    <message>
        <source>Names partly differ</source>
        <translation>Les noms diffèrent en partie</translation>
    </message>
    <message>
        <source>Names differ</source>
        <translation>Les noms diffèrent</translation>
    </message>
    <message>
        <source>Same nickname</source>
        <translation>Même surnom</translation>
    </message>
    <message>
        <source>Sex differs</source>
        <translation>Sexe différent</translation>
    </message>
    <message>
        <source>Same date of birth</source>
        <translation>Même date de naissance</translation>
    </message>
    <message numerus="yes">
        <source>Ages within %n year(s)</source>
        <translation>
            <numerusform>Âges à %n an près</numerusform>
            <numerusform>Âges à %n ans près</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ages differ by %n year(s)</source>
        <translation>
            <numerusform>Écart d’âge de %n an</numerusform>
            <numerusform>Écart d’âge de %n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded in different provinces</source>
        <translation>Fiches enregistrées dans des préfectures ou provinces différentes</translation>
    </message>
    <message numerus="yes">
        <source>A common name: about %n other person(s) of that age have it</source>
        <translation>
            <numerusform>Nom courant : environ %n autre personne de cet âge le porte</numerusform>
            <numerusform>Nom courant : environ %n autres personnes de cet âge le portent</numerusform>
        </translation>
    </message>
    <message>
        <source>Other people of that age may have the same name</source>
        <translation>D’autres personnes de cet âge peuvent porter le même nom</translation>
    </message>
    <message>
        <source>No one else here has this name</source>
        <translation>Personne d’autre ici ne porte ce nom</translation>
    </message>
    <message>
        <source>The nickname is what people of that first name are called</source>
        <translation>Le surnom est celui qu’on donne à ce prénom</translation>
    </message>
    <message>
        <source>Never met in the same area</source>
        <translation>Jamais rencontrés dans le même secteur</translation>
    </message>
    <message numerus="yes">
        <source>%n other person(s) would fit as well</source>
        <translation>
            <numerusform>%n autre personne correspondrait aussi bien</numerusform>
            <numerusform>%n autres personnes correspondraient aussi bien</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep current value</source>
        <translation>Garder la valeur actuelle</translation>
    </message>
    <message>
        <source>Keep the value the record has now (Alt+1)</source>
        <translation>Garder la valeur actuelle de la fiche (Alt+1)</translation>
    </message>
    <message>
        <source>Use other value</source>
        <translation>Reprendre l’autre valeur</translation>
    </message>
    <message>
        <source>Put back the value that was overwritten (Alt+2)</source>
        <translation>Rétablir la valeur qui a été remplacée (Alt+2)</translation>
    </message>
    <message>
        <source>No conflicts. When two people change the same field before syncing, both values appear here so you can choose.</source>
        <translation>Aucun conflit. Quand deux personnes modifient le même champ avant la synchronisation, les deux valeurs apparaissent ici pour que vous puissiez choisir.</translation>
    </message>
    <message>
        <source>Both were met in the same area: %1</source>
        <translation>Tous deux rencontrés dans le même secteur : %1</translation>
    </message>
    <message>
        <source>%1: %2 or %3</source>
        <translation>%1 : %2 ou %3</translation>
    </message>
    <message>
        <source>%1 — now: %2 (by %3, %4); overwritten: %5 (by %6, %7)</source>
        <translation>%1 — actuellement : %2 (par %3, %4) ; remplacée : %5 (par %6, %7)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>field worker</source>
        <translation>intervenant de terrain</translation>
    </message>
    <message>
        <source>centre staff</source>
        <translation>personnel du centre</translation>
    </message>
    <message>
        <source>centre head</source>
        <translation>responsable du centre</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>committee member</source>
        <translation>membre de comité</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>merge persons</source>
        <translation>fusionner des personnes</translation>
    </message>
    <message>
        <source>resolve conflicts</source>
        <translation>résoudre des conflits</translation>
    </message>
    <message>
        <source>export records</source>
        <translation>exporter des fiches</translation>
    </message>
    <message>
        <source>add or remove members</source>
        <translation>ajouter ou retirer des membres</translation>
    </message>
    <message>
        <source>record persons</source>
        <translation>enregistrer des personnes</translation>
    </message>
    <message>
        <source>record patrols</source>
        <translation>enregistrer des maraudes</translation>
    </message>
    <message>
        <source>record encounters</source>
        <translation>enregistrer des rencontres</translation>
    </message>
    <message>
        <source>open and edit case files</source>
        <translation>ouvrir et modifier des dossiers</translation>
    </message>
    <message>
        <source>record steps of case files</source>
        <translation>enregistrer les étapes des dossiers</translation>
    </message>
    <message>
        <source>record referrals</source>
        <translation>enregistrer des référencements</translation>
    </message>
    <message>
        <source>edit shelters</source>
        <translation>modifier les centres d’hébergement</translation>
    </message>
    <message>
        <source>decide on duplicates</source>
        <translation>trancher sur les doublons</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>The new passphrase is needed from the next unlock. Your records are not re-encrypted, so this takes only a moment.</source>
        <translation>La nouvelle phrase secrète sera demandée dès le prochain déverrouillage. Vos données ne sont pas chiffrées à nouveau : l’opération ne prend qu’un instant.</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase</source>
        <translation>Phrase secrète &amp;actuelle</translation>
    </message>
    <message>
        <source>Ne&amp;w passphrase</source>
        <translation>&amp;Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one</source>
        <translation>&amp;Répétez la nouvelle</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase</source>
        <translation>&amp;Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Change the passphrase (Enter in the last field)</source>
        <translation>Changer la phrase secrète (Entrée dans le dernier champ)</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Au moins %n caractère.</numerusform>
            <numerusform>Au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>Faible : ajoutez des mots ou des caractères.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Moyenne : quelques mots de plus la rendraient solide.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from the next unlock.</source>
        <translation>Phrase secrète changée. Utilisez la nouvelle dès le prochain déverrouillage.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>A backup file stays encrypted: it opens only with the passphrase in use when it was made.</source>
        <translation>Un fichier de sauvegarde reste chiffré : il ne s’ouvre qu’avec la phrase secrète utilisée au moment où il a été créé.</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>Sauvegarder dans un fichier…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Restaurer depuis un fichier…</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Écriture de la sauvegarde…</translation>
    </message>
    <message>
        <source>Passphrase in use when the backup was made:</source>
        <translation>Phrase secrète utilisée au moment de la sauvegarde :</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Replace everything on this laptop with this backup? Changes made since the backup come back from the server at the next sync; changes never sent are lost. The current vault is kept aside in its folder. fieldapp locks afterwards.</source>
        <translation>Remplacer tout le contenu de cet ordinateur par cette sauvegarde ? Les modifications faites depuis la sauvegarde reviendront du serveur à la prochaine synchronisation ; celles jamais envoyées seront perdues. Le coffre-fort actuel est conservé à part dans son répertoire. fieldapp se verrouille ensuite.</translation>
    </message>
    <message>
        <source>Replace with the backup</source>
        <translation>Remplacer par la sauvegarde</translation>
    </message>
    <message>
        <source>Keep what is here</source>
        <translation>Garder ce qui est ici</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
        <source>The backup was restored. fieldapp locks now: unlock it with the passphrase of the backup.</source>
        <translation>La sauvegarde a été restaurée. fieldapp se verrouille maintenant : déverrouillez-le avec la phrase secrète de la sauvegarde.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Language of the interface; the screens are rebuilt (Alt+L)</source>
        <translation>Langue de l’interface ; les écrans sont affichés à nouveau dans cette langue (Alt+L)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Minutes without use before fieldapp locks itself, 1 to 60 (Alt+K)</source>
        <translation>Minutes sans utilisation avant que fieldapp se verrouille, de 1 à 60 (Alt+V)</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes)</source>
        <translation>&amp;Verrouiller après (minutes)</translation>
    </message>
    <message>
        <source>Size of the text in points, applied at once (Alt+T)</source>
        <translation>Taille du texte en points, appliquée immédiatement (Alt+T)</translation>
    </message>
    <message>
        <source>&amp;Text size (points)</source>
        <translation>&amp;Taille du texte (points)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Type the passphrase you use now.</source>
        <translation>Saisissez la phrase secrète que vous utilisez actuellement.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>La nouvelle phrase secrète est identique à l’actuelle.</translation>
    </message>
    <message>
        <source>The two new passphrases differ. Type the new one again.</source>
        <translation>Les deux saisies de la nouvelle phrase secrète sont différentes. Saisissez-la à nouveau.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Préfecture ou province</translation>
    </message>
    <message>
        <source>Device identifier</source>
        <translation>Identifiant de l’appareil</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Répertoire des données</translation>
    </message>
    <message>
        <source>Backup written to {path}. Keep it in a safe place: it opens only with the current passphrase.</source>
        <translation>Sauvegarde écrite dans {path}. Gardez-la en lieu sûr : elle ne s’ouvre qu’avec la phrase secrète actuelle.</translation>
    </message>
</context>
<context>
    <name>Shelters</name>
    <message>
        <source>Shelters</source>
        <translation>Centres d’hébergement</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>Presque complet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save (Enter, Ctrl+S)</source>
        <translation>Enregistrer (Entrée, Ctrl+S)</translation>
    </message>
    <message>
        <source>New shelter</source>
        <translation>Nouveau centre d’hébergement</translation>
    </message>
    <message>
        <source>Edit shelter</source>
        <translation>Modifier le centre d’hébergement</translation>
    </message>
    <message>
        <source>&amp;New shelter</source>
        <translation>&amp;Nouveau centre d’hébergement</translation>
    </message>
    <message>
        <source>Add a shelter (Ctrl+N)</source>
        <translation>Ajouter un centre d’hébergement (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Correct the chosen shelter, its capacity first (Ctrl+E or Enter)</source>
        <translation>Corriger le centre choisi, en commençant par sa capacité d’accueil (Ctrl+E ou Entrée)</translation>
    </message>
    <message>
        <source>People oriented to a shelter during the last 24 hours count as there now. Shelters at 90 % or more are marked nearly full.</source>
        <translation>Les personnes orientées vers un centre au cours des dernières 24 heures sont comptées comme présentes. Les centres occupés à 90 % ou plus sont signalés « presque complets ».</translation>
    </message>
    <message>
        <source>No shelter yet. Shelters listed here show the patrols how many places are free tonight. Add the first one with Ctrl+N.</source>
        <translation>Aucun centre d’hébergement pour l’instant. Les centres listés ici indiquent aux maraudes le nombre de places libres ce soir. Ajoutez le premier avec Ctrl+N.</translation>
    </message>
    <message numerus="yes">
        <source>%n shelter(s)</source>
        <translation>
            <numerusform>%n centre</numerusform>
            <numerusform>%n centres</numerusform>
        </translation>
    </message>
    <message>
        <source>There now</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Free places</source>
        <translation>Places libres</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>%1 of %2 places taken: people oriented here during the last 24 hours.</source>
        <translation>%1 places occupées sur %2 : personnes orientées ici au cours des dernières 24 heures.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The administrator revoked this laptop: its records were erased. Ask your administrator before using it again.</source>
        <translation>L’administrateur a révoqué cet ordinateur : ses données ont été effacées. Adressez-vous à votre administrateur avant de l’utiliser à nouveau.</translation>
    </message>
    <message>
        <source>Welcome to fieldapp</source>
        <translation>Bienvenue dans fieldapp</translation>
    </message>
    <message>
        <source>Your records stay on this laptop, encrypted with your passphrase. Nobody can open them without it, not even the administrator: choose one you will remember, and keep it to yourself.</source>
        <translation>Vos données restent sur cet ordinateur, chiffrées avec votre phrase secrète. Personne ne peut les ouvrir sans elle, pas même l’administrateur : choisissez-en une dont vous vous souviendrez, et gardez-la pour vous.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Préfecture ou province</translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation>Phrase &amp;secrète</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Répétez-la</translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation>&amp;Créer mon coffre-fort</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Au moins %n caractère.</numerusform>
            <numerusform>Au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>Faible : ajoutez des mots ou des caractères.</translation>
    </message>
    <message>
        <source>Fair: a few more words would make it strong.</source>
        <translation>Moyenne : quelques mots de plus la rendraient solide.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
    <message>
        <source>Unlock fieldapp</source>
        <translation>Déverrouiller fieldapp</translation>
    </message>
    <message>
        <source>&amp;Who are you?</source>
        <translation>&amp;Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Members of this computer</source>
        <translation>Membres de cet ordinateur</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Write your name: it is stamped on your changes.</source>
        <translation>Écrivez votre nom : il accompagne chacune de vos modifications.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Les deux phrases secrètes sont différentes. Saisissez-les à nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n seconds before trying again.</source>
        <translation>
            <numerusform>Patientez %n seconde avant de réessayer.</numerusform>
            <numerusform>Patientez %n secondes avant de réessayer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Last changed by</source>
        <translation>Dernière modification par</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Préfecture ou province</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Compute the figures of the period (Ctrl+R)</source>
        <translation>Calculer les chiffres de la période (Ctrl+R)</translation>
    </message>
    <message>
        <source>Services given by kind</source>
        <translation>Services rendus par type</translation>
    </message>
    <message>
        <source>Encounters per night</source>
        <translation>Rencontres par nuit</translation>
    </message>
    <message>
        <source>Orientations accepted and refused</source>
        <translation>Orientations acceptées et refusées</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Weekly report (PDF)…</source>
        <translation>Rapport hebdomadaire (PDF)…</translation>
    </message>
    <message>
        <source>The period&apos;s figures and charts as a printable report (Ctrl+Shift+R)</source>
        <translation>Les chiffres et les graphiques de la période dans un rapport à imprimer (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Enter the start of the period as year-month-day, e.g. 2026-03-21.</source>
        <translation>Saisissez le début de la période au format année-mois-jour, par ex. 2026-03-21.</translation>
    </message>
    <message>
        <source>Enter the end of the period as year-month-day, e.g. 2026-03-21.</source>
        <translation>Saisissez la fin de la période au format année-mois-jour, par ex. 2026-03-21.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>La fin de la période est antérieure à son début.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>Rapport hebdomadaire</translation>
    </message>
    <message>
        <source>This file contains personal data of vulnerable people. Keep it on an encrypted disk, do not e-mail it, delete it when done. A pseudonymised file keeps only ids, dates, codes and counts.</source>
        <translation>Ce fichier contient des données personnelles de personnes vulnérables. Conservez-le sur un disque chiffré, ne l’envoyez jamais par e-mail et supprimez-le dès que vous n’en avez plus besoin. Un fichier pseudonymisé ne garde que des identifiants, des dates, des codes et des nombres.</translation>
    </message>
    <message>
        <source>&amp;Pseudonymised (no names, CIN, notes or places)</source>
        <translation>&amp;Pseudonymisé (sans noms, CIN, observations ni lieux)</translation>
    </message>
    <message>
        <source>Field names and &amp;codes instead of labels (for data teams)</source>
        <translation>Noms des champs et &amp;codes au lieu des libellés (pour les équipes données)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>until</source>
        <translation>au</translation>
    </message>
    <message>
        <source>People met</source>
        <translation>Personnes rencontrées</translation>
    </message>
    <message>
        <source>Taken in charge</source>
        <translation>Personnes prises en charge</translation>
    </message>
    <message>
        <source>Orientations accepted</source>
        <translation>Orientations acceptées</translation>
    </message>
    <message>
        <source>Orientations refused</source>
        <translation>Orientations refusées</translation>
    </message>
    <message>
        <source>Shelter occupancy</source>
        <translation>Occupation des centres d’hébergement</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Suivis en retard</translation>
    </message>
    <message>
        <source>Not seen for 30 days</source>
        <translation>Non rencontrées depuis 30 jours</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Rencontres</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>Maraudes</translation>
    </message>
    <message>
        <source>Export persons…</source>
        <translation>Exporter les personnes…</translation>
    </message>
    <message>
        <source>Persons of the province to CSV or XLSX (Ctrl+Shift+P)</source>
        <translation>Exporter les personnes de la préfecture ou province en CSV ou XLSX (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Export encounters…</source>
        <translation>Exporter les rencontres…</translation>
    </message>
    <message>
        <source>Encounters of the period to CSV or XLSX (Ctrl+Shift+E)</source>
        <translation>Exporter les rencontres de la période en CSV ou XLSX (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Export cases…</source>
        <translation>Exporter les dossiers…</translation>
    </message>
    <message>
        <source>Cases opened in the period to CSV or XLSX (Ctrl+Shift+C)</source>
        <translation>Exporter les dossiers ouverts pendant la période en CSV ou XLSX (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportation annulée.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptées</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusées</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to {path}.</source>
        <translation>
            <numerusform>%n ligne exportée vers {path}.</numerusform>
            <numerusform>%n lignes exportées vers {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>Rapport enregistré dans {path}.</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder. ({0})</source>
        <translation>Le fichier n’a pas pu être enregistré. Choisissez un autre répertoire. ({0})</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Weekly vigilance report</source>
        <translation>Rapport hebdomadaire de veille sociale</translation>
    </message>
    <message>
        <source>{province}, from {since} to {until}</source>
        <translation>{province}, du {since} au {until}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Population cible</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Centre d’hébergement</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Places occupées</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>places taken of all the places</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation>Dossiers par statut</translation>
    </message>
    <message>
        <source>Cases by target group</source>
        <translation>Dossiers par population cible</translation>
    </message>
    <message>
        <source>Shelters</source>
        <translation>Centres d’hébergement</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This laptop is enrolled.</source>
        <translation>Cet ordinateur est inscrit.</translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation>Non inscrit auprès d’un serveur</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Synchroniser maintenant (F5)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Code d’inscription</translation>
    </message>
    <message>
        <source>Certificate file (optional)</source>
        <translation>Fichier de certificat (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Fichier de certificat</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synchronisé à %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n modification refusée par le serveur</numerusform>
            <numerusform>%n modifications refusées par le serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Synchronisation interrompue : %1</translation>
    </message>
    <message>
        <source>Changes refused by the server</source>
        <translation>Modifications refusées par le serveur</translation>
    </message>
    <message>
        <source>This laptop is not enrolled: ask your administrator for a one-time code, then enter the server address and the code.</source>
        <translation>Cet ordinateur n’est pas inscrit : demandez un code à usage unique à votre administrateur, puis saisissez l’adresse du serveur et le code.</translation>
    </message>
    <message>
        <source>Enter the server address and the code.</source>
        <translation>Saisissez l’adresse du serveur et le code.</translation>
    </message>
    <message>
        <source>Enrolled with %1 (area: %2).</source>
        <translation>Inscrit auprès de %1 (territoire : %2).</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message numerus="yes">
        <source>patrol(s) in progress</source>
        <translation>
            <numerusform>maraude en cours</numerusform>
            <numerusform>maraudes en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue follow-up(s)</source>
        <translation>
            <numerusform>suivi en retard</numerusform>
            <numerusform>suivis en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>follow-up(s) due this week</source>
        <translation>
            <numerusform>suivi prévu cette semaine</numerusform>
            <numerusform>suivis prévus cette semaine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change(s) waiting to sync</source>
        <translation>
            <numerusform>modification en attente de synchronisation</numerusform>
            <numerusform>modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Follow-ups due and overdue</source>
        <translation>Suivis prévus et en retard</translation>
    </message>
    <message>
        <source>Nothing due today. Open Patrols (Ctrl+2) to start a patrol, or look a person up with Ctrl+K.</source>
        <translation>Rien à faire aujourd’hui. Ouvrez les Maraudes (Ctrl+2) pour démarrer une maraude, ou cherchez une personne avec Ctrl+K.</translation>
    </message>
    <message>
        <source>Patrols in progress</source>
        <translation>Maraudes en cours</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>EN RETARD</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
</context>
</TS>
