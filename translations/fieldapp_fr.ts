<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>The vault file is damaged or has been tampered with, so it was not opened and nothing was changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier du coffre-fort est endommagé ou a été altéré : il n’a pas été ouvert et rien n’a été modifié. Restaurez-le à partir d’une sauvegarde ou adressez-vous à l’administrateur système.</translation>
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
        <translation>Choisissez une province dans la liste.</translation>
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
        <translation>Aucune phrase secrète fournie : utilisez --passphrase-file FILE ou la variable d’environnement FIELDAPP_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Une erreur s’est produite.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
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
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>Saisissez un nombre de {min} à {max}.</translation>
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
        <source>Enter a date and a time.</source>
        <translation>Saisissez une date et une heure.</translation>
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
        <source>Tick the medical check to give its outcome.</source>
        <translation>Cochez « Examen médical » pour en indiquer le résultat.</translation>
    </message>
    <message>
        <source>A reason for closure is only given when closing.</source>
        <translation>Le motif de clôture n’est indiqué qu’à la clôture du dossier.</translation>
    </message>
    <message>
        <source>This province is outside the area of this laptop.</source>
        <translation>Cette province est hors du périmètre de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message numerus="yes">
        <source>%n years</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation type="unfinished">
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
        <translation type="unfinished">Sexe</translation>
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
