; Inno Setup script: the Windows installer for Rekam UPT.
; Build the folder first with PyInstaller (installer/rekam-upt.spec), then:
;   iscc installer\rekam-upt.iss
; Installs per user (no administrator needed) and never touches the data folder:
; the database and its backups live in %LOCALAPPDATA%\RekamUPT and stay on uninstall.

#define AppName "Rekam UPT"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1A4F0E-3B7D-4D7B-9C1E-5E2A7F0B9D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Rekam UPT
DefaultDirName={localappdata}\Programs\RekamUPT
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\build\installer
OutputBaseFilename=rekam-upt-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\build\dist\rekam-upt\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\rekam-upt.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\rekam-upt.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Buat ikon di desktop"; Flags: unchecked

[Run]
Filename: "{app}\rekam-upt.exe"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent
