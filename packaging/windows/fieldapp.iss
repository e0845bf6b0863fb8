; Inno Setup 6 script: the Windows installer of the fieldapp desktop app, made from the
; PyInstaller one-folder build (dist\fieldapp\, from packaging\fieldapp.spec).
; Steps: docs\windows-build.md. Build from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\fieldapp.iss
; -> dist\fieldapp-0.1.0-windows-x64-setup.exe
;
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\fieldapp, a Start menu
; entry, an uninstaller. The data (the encrypted vault) is NOT in the install folder but in
; %APPDATA%\fieldapp\fieldapp and is left in place by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "fieldapp"
#define SourceDir "..\..\dist\fieldapp"

[Setup]
AppId={{6D0E4A52-1F0B-4C8E-9C47-2E5B7A1F3D90}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=fieldapp
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=fieldapp-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\fieldapp.exe
; the language page is shown; the default follows Windows' UI language
ShowLanguageDialog=auto
UsePreviousLanguage=no

[Languages]
; French ships with Inno Setup (Languages\French.isl).
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
; Arabic is NOT shipped with Inno Setup: it is an unofficial, user-contributed translation
; (https://jrsoftware.org/files/istrans/ -> Arabic.isl). Download it into Inno Setup's
; Languages\Unofficial\ folder before building (docs\windows-build.md), or delete this line.
Name: "ar"; MessagesFile: "compiler:Languages\Unofficial\Arabic.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\fieldapp.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\fieldapp.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
