<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AuditFields</name>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Perkara</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Reason for the NIK</source>
        <translation>Alasan NIK</translation>
    </message>
    <message>
        <source>Reason for a second record</source>
        <translation>Alasan data kedua</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Paspor</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Family contact</source>
        <translation>Kontak keluarga</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>Penjamin</translation>
    </message>
    <message>
        <source>Date of the offence</source>
        <translation>Tanggal tindak pidana</translation>
    </message>
    <message>
        <source>Adult / child</source>
        <translation>Dewasa / anak</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Tindak pidana</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Undang-undang</translation>
    </message>
    <message>
        <source>Verdict number</source>
        <translation>Nomor putusan</translation>
    </message>
    <message>
        <source>Verdict date</source>
        <translation>Tanggal putusan</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Pengadilan</translation>
    </message>
    <message>
        <source>Kind of sentence</source>
        <translation>Jenis pidana</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Pidana</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Subsidiary imprisonment</source>
        <translation>Subsider</translation>
    </message>
    <message>
        <source>Fine paid</source>
        <translation>Denda dibayar</translation>
    </message>
    <message>
        <source>Detained from</source>
        <translation>Ditahan sejak</translation>
    </message>
    <message>
        <source>Days of city detention</source>
        <translation>Hari tahanan kota</translation>
    </message>
    <message>
        <source>Days of house detention</source>
        <translation>Hari tahanan rumah</translation>
    </message>
    <message>
        <source>Detaining authority</source>
        <translation>Instansi penahan</translation>
    </message>
    <message>
        <source>Total remission (days)</source>
        <translation>Jumlah remisi (hari)</translation>
    </message>
    <message>
        <source>Register class</source>
        <translation>Kelas register</translation>
    </message>
    <message>
        <source>SK number</source>
        <translation>Nomor SK</translation>
    </message>
    <message>
        <source>SK date</source>
        <translation>Tanggal SK</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Nomor register</translation>
    </message>
    <message>
        <source>Guidance from</source>
        <translation>Bimbingan mulai</translation>
    </message>
    <message>
        <source>Guidance until</source>
        <translation>Bimbingan sampai</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Tanggal status</translation>
    </message>
    <message>
        <source>Letter / SK</source>
        <translation>Surat / SK</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Moved to the bin</source>
        <translation>Masuk tempat sampah</translation>
    </message>
    <message>
        <source>NIP / NI PPPK</source>
        <translation>NIP / NI PPPK</translation>
    </message>
    <message>
        <source>Kind of number</source>
        <translation>Jenis nomor</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat/gol.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Deactivated on</source>
        <translation>Dinonaktifkan pada</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>Tanggal pemberian</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Pola</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Contoh</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Nama UPT</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>Jenis UPT</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>Kepala kantor</translation>
    </message>
    <message>
        <source>NIP of the head</source>
        <translation>NIP kepala</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Screen lock (minutes)</source>
        <translation>Kunci layar (menit)</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Cadangan disimpan</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>Cadangan harian</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Remission</source>
        <translation>Remisi</translation>
    </message>
    <message>
        <source>Interruption</source>
        <translation>Masa di luar tahanan</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>male</source>
        <translation>laki-laki</translation>
    </message>
    <message>
        <source>female</source>
        <translation>perempuan</translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… %1 lainnya</translation>
    </message>
    <message>
        <source>%1 (was): %2</source>
        <translation>%1 (sebelumnya): %2</translation>
    </message>
    <message>
        <source>Select an entry to see all its fields.</source>
        <translation>Pilih satu entri untuk melihat semua isiannya.</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>Filter by operation, operator or any recorded value (a name, NIK, register number…)</source>
        <translation>Saring menurut operasi, operator atau nilai yang tercatat (nama, NIK, nomor register…)</translation>
    </message>
    <message>
        <source>Load %1 more</source>
        <translation>Muat %1 lagi</translation>
    </message>
    <message>
        <source>The log cannot be edited. Each entry carries the hash of the one before it; run “rekam-upt check” to verify that no entry was changed or removed.</source>
        <translation>Log ini tidak dapat diubah. Setiap entri memuat hash entri sebelumnya; jalankan “rekam-upt check” untuk memastikan tidak ada entri yang diubah atau dihapus.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>%1 entries in total</source>
        <translation>Total %1 entri</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>%1 dimuat</translation>
    </message>
    <message>
        <source>%1 matching of %2 entries</source>
        <translation>%1 cocok dari %2 entri</translation>
    </message>
    <message>
        <source>%1 matching so far (more as you scroll) of %2 entries</source>
        <translation>%1 cocok sejauh ini (bertambah saat digulir) dari %2 entri</translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation>Tidak ada entri yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Log masih kosong.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operasi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Computer user</source>
        <translation>Akun komputer</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Back up to a file</source>
        <translation>Cadangkan ke berkas</translation>
    </message>
    <message>
        <source>Rekam UPT backups (*.rkbak *.sqlite3);;All files (*)</source>
        <translation>Cadangan Rekam UPT (*.rkbak *.sqlite3);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Cadangkan</translation>
    </message>
    <message>
        <source>Back up to: %1</source>
        <translation>Cadangkan ke: %1</translation>
    </message>
    <message>
        <source>Encrypt with the program&apos;s password</source>
        <translation>Enkripsi dengan kata sandi program</translation>
    </message>
    <message>
        <source>This is removable media: the backup is always encrypted, because it leaves the computer.</source>
        <translation>Ini media yang dapat dilepas: cadangan selalu dienkripsi karena dibawa keluar dari komputer.</translation>
    </message>
    <message>
        <source>Encrypt every backup that may leave this computer. Without the password an encrypted backup cannot be read.</source>
        <translation>Enkripsi setiap cadangan yang mungkin dibawa keluar dari komputer ini. Tanpa kata sandi, cadangan terenkripsi tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Pencadangan gagal</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Cadangan dibuat</translation>
    </message>
    <message>
        <source>The backup was written to %1%2.</source>
        <translation>Cadangan ditulis ke %1%2.</translation>
    </message>
    <message>
        <source> (encrypted)</source>
        <translation> (terenkripsi)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Mencadangkan…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>The current data is kept as a backup first, then replaced by the backup you choose.</source>
        <translation>Data saat ini disimpan dulu sebagai cadangan, lalu diganti dengan cadangan yang Anda pilih.</translation>
    </message>
    <message>
        <source>(no automatic backups yet)</source>
        <translation>(belum ada cadangan otomatis)</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Password of an encrypted backup</source>
        <translation>Kata sandi cadangan terenkripsi</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation>Pilih cadangan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Replace the current data with the backup %1? The current data is kept as a backup first.</source>
        <translation>Ganti data saat ini dengan cadangan %1? Data saat ini disimpan dulu sebagai cadangan.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Pemulihan gagal</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>Cadangan telah dipulihkan.</translation>
    </message>
    <message>
        <source>The latest backup is from %1. Restore it now? The damaged file is kept aside, nothing is deleted.</source>
        <translation>Cadangan terakhir: %1. Pulihkan sekarang? Berkas yang rusak disisihkan, tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Pulihkan cadangan terakhir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>BinDialog</name>
    <message>
        <source>Bin</source>
        <translation>Tempat sampah</translation>
    </message>
    <message>
        <source>Records moved to the bin stay here until restored. Restoring a person also restores the cases and programs deleted with them.</source>
        <translation>Data yang dipindahkan ke tempat sampah tetap di sini sampai dipulihkan. Memulihkan seseorang juga memulihkan perkara dan program yang ikut terhapus bersamanya.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Moved to the bin</source>
        <translation>Masuk tempat sampah</translation>
    </message>
    <message>
        <source>The bin is empty.</source>
        <translation>Tempat sampah kosong.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>Bring the selected record back</source>
        <translation>Kembalikan data yang dipilih</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Perkara</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>(no NIK)</source>
        <translation>(tanpa NIK)</translation>
    </message>
    <message>
        <source>Case of %1</source>
        <translation>Perkara tanggal %1</translation>
    </message>
    <message>
        <source>%1 (offence of %2)</source>
        <translation>%1 (tindak pidana tanggal %2)</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (mulai %2)</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>Dipulihkan: %1</translation>
    </message>
</context>
<context>
    <name>CapacityDialog</name>
    <message>
        <source>Capacity per register class</source>
        <translation>Kapasitas per golongan register</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>belum diisi</translation>
    </message>
    <message>
        <source>How many persons each register class may hold (0: not set). The monthly report&apos;s occupancy sheet compares the persons held with these numbers.</source>
        <translation>Berapa orang yang dapat ditampung setiap golongan register (0: belum diisi). Lembar hunian pada laporan bulanan membandingkan isi dengan angka ini.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CaseDatesDialog</name>
    <message>
        <source>Dates and remissions — %1</source>
        <translation>Tanggal dan remisi — %1</translation>
    </message>
    <message>
        <source>Read-only: this file cannot be changed. You can look at the dates and the breakdown.</source>
        <translation>Hanya baca: berkas ini tidak dapat diubah. Anda dapat melihat tanggal dan rinciannya.</translation>
    </message>
    <message>
        <source>Remissions</source>
        <translation>Remisi</translation>
    </message>
    <message>
        <source>Override a date</source>
        <translation>Koreksi tanggal</translation>
    </message>
    <message>
        <source>Official dates</source>
        <translation>Tanggal resmi</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Di luar tahanan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>This case is no longer in the file.</source>
        <translation>Kasus ini sudah tidak ada di berkas.</translation>
    </message>
    <message>
        <source>Verdict %1</source>
        <translation>Putusan %1</translation>
    </message>
    <message>
        <source>sentence %1 (%2 days)</source>
        <translation>pidana %1 (%2 hari)</translation>
    </message>
    <message>
        <source>detained from %1</source>
        <translation>ditahan sejak %1</translation>
    </message>
    <message>
        <source>child</source>
        <translation>anak</translation>
    </message>
    <message>
        <source>adult</source>
        <translation>dewasa</translation>
    </message>
    <message>
        <source>Remove the remission of %1 (%2, %3) from the ledger? The dates are recomputed.</source>
        <translation>Hapus remisi tanggal %1 (%2, %3) dari daftar remisi? Tanggal akan dihitung ulang.</translation>
    </message>
    <message>
        <source>Remove remission</source>
        <translation>Hapus remisi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Remove the days out of detention from %1 to %2? The dates are recomputed.</source>
        <translation>Hapus hari di luar tahanan dari %1 sampai %2? Tanggal akan dihitung ulang.</translation>
    </message>
    <message>
        <source>Remove days out of detention</source>
        <translation>Hapus hari di luar tahanan</translation>
    </message>
</context>
<context>
    <name>CaseloadTargetDialog</name>
    <message>
        <source>Move caseload</source>
        <translation>Alihkan klien binaan</translation>
    </message>
    <message>
        <source>Move the %1 active programs of %2 to:</source>
        <translation>Alihkan %1 program aktif dari %2 kepada:</translation>
    </message>
    <message>
        <source>%1 — now %2 active clients</source>
        <translation>%1 — saat ini %2 klien aktif</translation>
    </message>
    <message>
        <source>Only active programs move. Completed, revoked and other closed programs stay on record with the officer who supervised them.</source>
        <translation>Hanya program aktif yang dialihkan. Program yang selesai, dicabut, atau sudah ditutup lainnya tetap tercatat atas nama petugas yang membimbingnya.</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Lanjut…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Ubah kata sandi</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Kata sandi saat ini</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <source>Backups made before the change keep the password they were made with.</source>
        <translation>Cadangan yang dibuat sebelum perubahan tetap memakai kata sandi yang lama.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CheckinPanel</name>
    <message>
        <source>Wajib lapor:</source>
        <translation>Wajib lapor:</translation>
    </message>
    <message>
        <source>Scan or type the register number, or a name (F4)</source>
        <translation>Pindai atau ketik nomor register, atau nama (F4)</translation>
    </message>
    <message>
        <source>entri susulan</source>
        <translation>entri susulan</translation>
    </message>
    <message>
        <source>Who received the client (the supervising PK unless chosen)</source>
        <translation>Petugas yang menerima klien (PK pembimbing bila tidak dipilih)</translation>
    </message>
    <message>
        <source>Mode lapor</source>
        <translation>Mode lapor</translation>
    </message>
    <message>
        <source>Keep the focus in the check-in box, for a scanner at the counter (Shift+F4)</source>
        <translation>Kursor tetap di kotak lapor, untuk pemindai di loket (Shift+F4)</translation>
    </message>
    <message>
        <source>Excused absence…</source>
        <translation>Izin tidak lapor…</translation>
    </message>
    <message>
        <source>Timeline and notes…</source>
        <translation>Riwayat dan catatan…</translation>
    </message>
    <message>
        <source>Checked in today</source>
        <translation>Lapor hari ini</translation>
    </message>
    <message>
        <source>Supervising PK</source>
        <translation>PK pembimbing</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>tidak berjalan</translation>
    </message>
    <message>
        <source>Nobody found for “%1”.</source>
        <translation>Tidak ada yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>wajib lapor</translation>
    </message>
    <message>
        <source>extra contact</source>
        <translation>kontak tambahan</translation>
    </message>
    <message>
        <source>late: the period before stays missed</source>
        <translation>terlambat: periode sebelumnya tetap tidak lapor</translation>
    </message>
    <message>
        <source>Recorded: %1 — %2</source>
        <translation>Tercatat: %1 — %2</translation>
    </message>
    <message>
        <source>Not a register number: choose the person below.</source>
        <translation>Bukan nomor register: pilih orangnya di bawah.</translation>
    </message>
    <message>
        <source>no photo</source>
        <translation>tanpa foto</translation>
    </message>
    <message>
        <source>Periods: %1 of %2 reported, %3 missed, %4 excused</source>
        <translation>Periode: %1 dari %2 lapor, %3 tidak lapor, %4 izin</translation>
    </message>
    <message>
        <source>this period: reported</source>
        <translation>periode ini: sudah lapor</translation>
    </message>
    <message>
        <source>this period: excused</source>
        <translation>periode ini: izin</translation>
    </message>
    <message>
        <source>this period: not yet</source>
        <translation>periode ini: belum lapor</translation>
    </message>
    <message>
        <source>%1 missed in a row</source>
        <translation>%1 kali berturut-turut tidak lapor</translation>
    </message>
    <message>
        <source>Letters: %1</source>
        <translation>Surat: %1</translation>
    </message>
    <message>
        <source>Last visit: %1</source>
        <translation>Lapor terakhir: %1</translation>
    </message>
    <message>
        <source>Confirm: %1…</source>
        <translation>Konfirmasi: %1…</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source>Edit identity</source>
        <translation>Ubah identitas</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Ubah perkara</translation>
    </message>
    <message>
        <source>Add a case</source>
        <translation>Tambah perkara</translation>
    </message>
    <message>
        <source>Edit program</source>
        <translation>Ubah program</translation>
    </message>
    <message>
        <source>Add a program</source>
        <translation>Tambah program</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Nama lengkap *</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <source>NIK (16 digits)</source>
        <translation>NIK (16 digit)</translation>
    </message>
    <message>
        <source>Passport (foreigners)</source>
        <translation>Paspor (WNA)</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>Jenis kelamin *</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Tanggal lahir *</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Family contact</source>
        <translation>Kontak keluarga</translation>
    </message>
    <message>
        <source>name, relation, phone</source>
        <translation>nama, hubungan, telepon</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>Penjamin</translation>
    </message>
    <message>
        <source>Guarantor&apos;s relationship</source>
        <translation>Hubungan penjamin</translation>
    </message>
    <message>
        <source>e.g. mother, wife, village head</source>
        <translation>mis. ibu, istri, kepala desa</translation>
    </message>
    <message>
        <source>Guarantor&apos;s address</source>
        <translation>Alamat penjamin</translation>
    </message>
    <message>
        <source>Guarantor&apos;s phone</source>
        <translation>Telepon penjamin</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Perkara</translation>
    </message>
    <message>
        <source>Adult / child</source>
        <translation>Dewasa / anak</translation>
    </message>
    <message>
        <source>From the age at the offence</source>
        <translation>Menurut umur saat tindak pidana</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Dewasa</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Offence category</source>
        <translation>Jenis tindak pidana</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Undang-undang</translation>
    </message>
    <message>
        <source>Verdict number</source>
        <translation>Nomor putusan</translation>
    </message>
    <message>
        <source>Verdict date</source>
        <translation>Tanggal putusan</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Pengadilan</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Pidana</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Lama pidana</translation>
    </message>
    <message>
        <source>Further sentences</source>
        <translation>Pidana berikutnya</translation>
    </message>
    <message>
        <source>served after it, e.g. 8m; 1y2m</source>
        <translation>dijalani sesudahnya, mis. 8b; 1t2b</translation>
    </message>
    <message>
        <source>Detained by</source>
        <translation>Ditahan oleh</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Subsidiary imprisonment</source>
        <translation>Subsider</translation>
    </message>
    <message>
        <source>Fine paid</source>
        <translation>Denda dibayar</translation>
    </message>
    <message>
        <source>Detained since</source>
        <translation>Ditahan sejak</translation>
    </message>
    <message>
        <source> d</source>
        <translation> hr</translation>
    </message>
    <message>
        <source>city</source>
        <translation>kota</translation>
    </message>
    <message>
        <source>house</source>
        <translation>rumah</translation>
    </message>
    <message>
        <source>City / house detention</source>
        <translation>Tahanan kota / rumah</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Hasil hitung</translation>
    </message>
    <message>
        <source>Program and guidance</source>
        <translation>Program dan bimbingan</translation>
    </message>
    <message>
        <source>No program yet (inmate)</source>
        <translation>Belum ada program (WBP)</translation>
    </message>
    <message>
        <source>Program *</source>
        <translation>Program *</translation>
    </message>
    <message>
        <source>Decree (SK) date</source>
        <translation>Tanggal SK</translation>
    </message>
    <message>
        <source>⚠ NIK: province code %1 is unknown</source>
        <translation>⚠ NIK: kode provinsi %1 tidak dikenal</translation>
    </message>
    <message>
        <source>⚠ NIK: its birth date %1 does not exist</source>
        <translation>⚠ NIK: tanggal lahir %1 di dalamnya tidak ada</translation>
    </message>
    <message>
        <source>⚠ NIK says born %1, entered: %2</source>
        <translation>⚠ NIK menyebut lahir %1, yang diisi: %2</translation>
    </message>
    <message>
        <source>⚠ NIK says male, entered: female</source>
        <translation>⚠ NIK menyebut laki-laki, yang diisi: perempuan</translation>
    </message>
    <message>
        <source>⚠ NIK says female, entered: male</source>
        <translation>⚠ NIK menyebut perempuan, yang diisi: laki-laki</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Usulkan</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— belum diisi —</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <source>Number (verdict, order or SK)</source>
        <translation>Nomor dasar hukum</translation>
    </message>
    <message>
        <source>Date (verdict, order or SK)</source>
        <translation>Tanggal dasar hukum</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Nomor register</translation>
    </message>
    <message>
        <source>Guidance from *</source>
        <translation>Bimbingan mulai *</translation>
    </message>
    <message>
        <source>Guidance until</source>
        <translation>Bimbingan sampai</translation>
    </message>
    <message>
        <source>— not assigned —</source>
        <translation>— belum ditunjuk —</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Date of offence</source>
        <translation>Tanggal tindak pidana</translation>
    </message>
    <message>
        <source>Guidance from</source>
        <translation>Bimbingan mulai</translation>
    </message>
    <message>
        <source>No expiry date for this kind of sentence.</source>
        <translation>Jenis pidana ini tidak memiliki tanggal ekspirasi.</translation>
    </message>
    <message>
        <source>Fill in the detention start and the sentence to see the dates.</source>
        <translation>Isi tanggal mulai ditahan dan lama pidana untuk melihat tanggalnya.</translation>
    </message>
    <message>
        <source>Expiry: %1</source>
        <translation>Ekspirasi: %1</translation>
    </message>
    <message>
        <source>2/3: %1</source>
        <translation>2/3: %1</translation>
    </message>
    <message>
        <source>(without remissions; they are added in the case&apos;s ledger)</source>
        <translation>(tanpa remisi; remisi dicatat di daftar remisi perkara)</translation>
    </message>
    <message>
        <source>Conditional leave (CB): %1 to %2</source>
        <translation>Cuti Bersyarat (CB): %1 sampai %2</translation>
    </message>
    <message>
        <source>Not eligible for conditional leave (CB): the sentence is longer than 1 year 6 months</source>
        <translation>Tidak memenuhi syarat Cuti Bersyarat (CB): pidana lebih dari 1 tahun 6 bulan</translation>
    </message>
    <message>
        <source>Leave before release (CMB) from: %1</source>
        <translation>Cuti Menjelang Bebas (CMB) mulai: %1</translation>
    </message>
    <message>
        <source>Not eligible for leave before release (CMB): 2/3 of the sentence is under 9 months, or there is no remission</source>
        <translation>Tidak memenuhi syarat Cuti Menjelang Bebas (CMB): 2/3 masa pidana kurang dari 9 bulan, atau belum ada remisi</translation>
    </message>
    <message>
        <source>Assimilation from: %1</source>
        <translation>Asimilasi mulai: %1</translation>
    </message>
    <message>
        <source>Parole (PB) from: %1</source>
        <translation>Pembebasan Bersyarat (PB) mulai: %1</translation>
    </message>
    <message>
        <source>Not eligible for parole (PB): 2/3 of the sentence is under 9 months</source>
        <translation>Tidak memenuhi syarat Pembebasan Bersyarat (PB): 2/3 masa pidana kurang dari 9 bulan</translation>
    </message>
    <message>
        <source>%1 runs as the court ordered: enter its dates from the verdict.</source>
        <translation>%1 berjalan sesuai putusan pengadilan: isi tanggalnya dari putusan.</translation>
    </message>
    <message>
        <source>automatic: %1</source>
        <translation>otomatis: %1</translation>
    </message>
    <message>
        <source>Start and end of guidance proposed from the computed dates; change them to the SK&apos;s.</source>
        <translation>Bimbingan mulai dan sampai diusulkan dari hasil hitung; sesuaikan dengan SK.</translation>
    </message>
    <message>
        <source>Start of guidance proposed from the computed dates; change it to the SK&apos;s.</source>
        <translation>Bimbingan mulai diusulkan dari hasil hitung; sesuaikan dengan SK.</translation>
    </message>
    <message>
        <source>End of guidance proposed from the computed dates.</source>
        <translation>Akhir bimbingan diusulkan dari tanggal hasil hitung.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>Incomplete record</source>
        <translation>Data belum lengkap</translation>
    </message>
    <message>
        <source>Missing: %1.

Save anyway? The client will be listed under “Incomplete records” until it is filled in.</source>
        <translation>Belum diisi: %1.

Tetap simpan? Klien ini akan tampil di kelompok “Data belum lengkap” sampai datanya dilengkapi.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>The NIK needs a reason before it can be saved.</source>
        <translation>NIK ini perlu alasan sebelum dapat disimpan.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Kembali ke daftar (Esc)</translation>
    </message>
    <message>
        <source>Active clients per program (adult / child)</source>
        <translation>Klien aktif per program (dewasa / anak)</translation>
    </message>
    <message>
        <source>Caseload per PK (largest %1)</source>
        <translation>Beban kasus per PK (%1 terbesar)</translation>
    </message>
    <message>
        <source>Per offence (largest %1)</source>
        <translation>Per jenis tindak pidana (%1 terbesar)</translation>
    </message>
    <message>
        <source>Attendance rate per month (%)</source>
        <translation>Tingkat kehadiran wajib lapor per bulan (%)</translation>
    </message>
    <message>
        <source>Clients new and ended per month</source>
        <translation>Klien baru dan berakhir per bulan</translation>
    </message>
    <message>
        <source>Working now</source>
        <translation>Bekerja saat ini</translation>
    </message>
    <message>
        <source>Click a bar to list that group. The numbers are those of the sidebar; the attendance rate is periods reported ÷ periods due, excused periods left out.</source>
        <translation>Klik batang untuk menampilkan kelompok itu. Angkanya sama dengan di panel kiri; tingkat kehadiran = periode lapor ÷ periode wajib, periode izin tidak dihitung.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>The charts could not be made: %1</source>
        <translation>Grafik tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Dasbor — %1</translation>
    </message>
    <message>
        <source>No PK</source>
        <translation>Tanpa PK</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Tanpa kategori</translation>
    </message>
    <message>
        <source>adult</source>
        <translation>dewasa</translation>
    </message>
    <message>
        <source>child</source>
        <translation>anak</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>ended (HMB)</source>
        <translation>berakhir (HMB)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>hh-bb-tttt</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>Pilih dari kalender</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>bukan tanggal</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Pilih tanggal</translation>
    </message>
</context>
<context>
    <name>DatesView</name>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Hasil hitung</translation>
    </message>
    <message>
        <source>Official (SK)</source>
        <translation>Resmi (SK)</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Alasan koreksi</translation>
    </message>
    <message>
        <source>Double-click a date to override it</source>
        <translation>Klik dua kali pada tanggal untuk mengoreksinya</translation>
    </message>
    <message>
        <source>“Computed” appears when an officer&apos;s override is in force. ✓ the official date agrees with the computed one; ≠ it differs.</source>
        <translation>“Hasil hitung” terisi bila koreksi petugas berlaku. ✓ tanggal resmi sama dengan hasil hitung; ≠ berbeda.</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>Perlu dipastikan</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Overridden by an officer</source>
        <translation>Dikoreksi oleh petugas</translation>
    </message>
    <message>
        <source>Moved by the override of %1</source>
        <translation>Bergeser karena koreksi %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Official date from: %1</source>
        <translation>Tanggal resmi dari: %1</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>(tanpa sumber)</translation>
    </message>
    <message>
        <source>%1 days from the computed date</source>
        <translation>%1 hari dari hasil hitung</translation>
    </message>
    <message>
        <source>Parole (PB): eligible by date from %1</source>
        <translation>PB: memenuhi syarat waktu mulai %1</translation>
    </message>
    <message>
        <source>Parole (PB): not eligible by date (2/3 of the sentence is under 9 months)</source>
        <translation>PB: tidak memenuhi syarat waktu (2/3 masa pidana kurang dari 9 bulan)</translation>
    </message>
    <message>
        <source>Conditional leave (CB): eligible (sentence up to 1 year 6 months)</source>
        <translation>CB: memenuhi syarat (pidana paling lama 1 tahun 6 bulan)</translation>
    </message>
    <message>
        <source>Conditional leave (CB): not eligible (sentence over 1 year 6 months)</source>
        <translation>CB: tidak memenuhi syarat (pidana lebih dari 1 tahun 6 bulan)</translation>
    </message>
    <message>
        <source>Nothing to confirm.</source>
        <translation>Tidak ada yang perlu dipastikan.</translation>
    </message>
    <message>
        <source>To confirm (%1)</source>
        <translation>Perlu dipastikan (%1)</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Choose a person in the table to see the details.</source>
        <translation>Pilih seseorang di tabel untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>In the bin</source>
        <translation>Di tempat sampah</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Paspor</translation>
    </message>
    <message>
        <source>male</source>
        <translation>laki-laki</translation>
    </message>
    <message>
        <source>female</source>
        <translation>perempuan</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 tahun</translation>
    </message>
    <message>
        <source>NIK confirmed by the officer</source>
        <translation>NIK dikonfirmasi petugas</translation>
    </message>
    <message>
        <source>Incomplete records — missing: %1</source>
        <translation>Data belum lengkap — belum diisi: %1</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Family contact</source>
        <translation>Kontak keluarga</translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation>Penjamin</translation>
    </message>
    <message>
        <source>Edit identity</source>
        <translation>Ubah identitas</translation>
    </message>
    <message>
        <source>Add a case</source>
        <translation>Tambah perkara</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Move to bin</source>
        <translation>Pindahkan ke tempat sampah</translation>
    </message>
    <message>
        <source>No case recorded yet.</source>
        <translation>Belum ada perkara yang tercatat.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Perkara</translation>
    </message>
    <message>
        <source>Offence date</source>
        <translation>Tanggal tindak pidana</translation>
    </message>
    <message>
        <source>Adult / child</source>
        <translation>Dewasa / anak</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Pasal</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Pidana</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>Detained since</source>
        <translation>Ditahan sejak</translation>
    </message>
    <message>
        <source>Detained by</source>
        <translation>Ditahan oleh</translation>
    </message>
    <message>
        <source>Register class</source>
        <translation>Kelas register</translation>
    </message>
    <message>
        <source>Remissions</source>
        <translation>Remisi</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Ubah perkara</translation>
    </message>
    <message>
        <source>Remissions and dates</source>
        <translation>Remisi dan tanggal</translation>
    </message>
    <message>
        <source>Add a program</source>
        <translation>Tambah program</translation>
    </message>
    <message>
        <source>Move case to bin</source>
        <translation>Pindahkan perkara ke tempat sampah</translation>
    </message>
    <message>
        <source>subsidiary</source>
        <translation>subsider</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>belum dibayar</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>hasil hitung</translation>
    </message>
    <message>
        <source>official</source>
        <translation>resmi</translation>
    </message>
    <message>
        <source>≠ The official date (from the SK or the releasing Lapas&apos;s papers) differs from the computed one. Check the remissions and days out of detention under “Remissions and dates”; the case stays under Due › Official dates differ from computed until they agree.</source>
        <translation>≠ Tanggal resmi (dari SK atau surat Lapas yang membebaskan) berbeda dengan hasil hitung. Periksa remisi dan hari di luar tahanan di “Remisi dan tanggal”; perkara tetap tercantum di Perlu perhatian › Tanggal resmi berbeda sampai keduanya sama.</translation>
    </message>
    <message>
        <source>Parole (PB): eligible by date</source>
        <translation>PB: memenuhi syarat waktu</translation>
    </message>
    <message>
        <source>Parole (PB): not eligible by date</source>
        <translation>PB: tidak memenuhi syarat waktu</translation>
    </message>
    <message>
        <source>Conditional leave (CB): eligible</source>
        <translation>CB: memenuhi syarat</translation>
    </message>
    <message>
        <source>Conditional leave (CB): not eligible</source>
        <translation>CB: tidak memenuhi syarat</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Nomor register</translation>
    </message>
    <message>
        <source>Decree (SK)</source>
        <translation>SK</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Bimbingan</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Edit program</source>
        <translation>Ubah program</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Move program to bin</source>
        <translation>Pindahkan program ke tempat sampah</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Riwayat status</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>This person may already be registered</source>
        <translation>Orang ini mungkin sudah terdaftar</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>A person with the same NIK, or the same name and date of birth, is already registered. Compare them: fields that differ are marked. If it is the same person, add the case to them (each person is entered once).</source>
        <translation>Orang dengan NIK yang sama, atau nama dan tanggal lahir yang sama, sudah terdaftar. Bandingkan keduanya: isian yang berbeda ditandai. Bila orangnya sama, tambahkan perkara ini kepadanya (setiap orang dicatat satu kali saja).</translation>
    </message>
    <message>
        <source>same NIK</source>
        <translation>NIK sama</translation>
    </message>
    <message>
        <source>same name and date of birth</source>
        <translation>nama dan tanggal lahir sama</translation>
    </message>
    <message>
        <source> — in the bin</source>
        <translation> — di tempat sampah</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>Sudah terdaftar</translation>
    </message>
    <message>
        <source>What you entered</source>
        <translation>Yang Anda isi</translation>
    </message>
    <message>
        <source>Why is this a different person? (needed for a new person)</source>
        <translation>Mengapa ini orang yang berbeda? (wajib untuk orang baru)</translation>
    </message>
    <message>
        <source>Use the existing person</source>
        <translation>Pakai data yang sudah ada</translation>
    </message>
    <message>
        <source>Create a new person</source>
        <translation>Buat orang baru</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Kembali ke formulir</translation>
    </message>
    <message>
        <source>no program</source>
        <translation>belum ada program</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>(the new case)</source>
        <translation>(perkara baru ini)</translation>
    </message>
    <message>
        <source>Differs from the other side</source>
        <translation>Berbeda dengan sisi sebelah</translation>
    </message>
    <message>
        <source>Same NIK: one NIK belongs to one person, so the case can only be added to the person already registered.</source>
        <translation>NIK sama: satu NIK hanya untuk satu orang, jadi perkara ini hanya dapat ditambahkan kepada orang yang sudah terdaftar.</translation>
    </message>
    <message>
        <source>Same name and date of birth, but these differ: %1.</source>
        <translation>Nama dan tanggal lahir sama, tetapi yang ini berbeda: %1.</translation>
    </message>
    <message>
        <source>Same name and date of birth; nothing entered differs.</source>
        <translation>Nama dan tanggal lahir sama; tidak ada isian yang berbeda.</translation>
    </message>
    <message>
        <source>That person is in the bin: using them brings them back.</source>
        <translation>Orang itu ada di tempat sampah: bila dipakai, datanya dipulihkan.</translation>
    </message>
    <message>
        <source>One NIK belongs to one person.</source>
        <translation>Satu NIK hanya untuk satu orang.</translation>
    </message>
    <message>
        <source>A second person with the same NIK cannot be created.</source>
        <translation>Orang kedua dengan NIK yang sama tidak dapat dibuat.</translation>
    </message>
    <message>
        <source>Write first why this is a different person.</source>
        <translation>Tulis dulu mengapa ini orang yang berbeda.</translation>
    </message>
    <message>
        <source>A new person needs a reason, kept in the record and its history (e.g. &apos;another person: different parents and address&apos;).</source>
        <translation>Orang baru memerlukan alasan, yang disimpan di data dan riwayatnya (mis. &apos;orang lain: orang tua dan alamat berbeda&apos;).</translation>
    </message>
    <message>
        <source>Save a second, separate person with this reason.</source>
        <translation>Simpan sebagai orang kedua yang terpisah dengan alasan ini.</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message>
        <source> yr</source>
        <translation> thn</translation>
    </message>
    <message>
        <source> mo</source>
        <translation> bln</translation>
    </message>
    <message>
        <source> d</source>
        <translation> hr</translation>
    </message>
</context>
<context>
    <name>ExcelDialogs</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The export was not recorded</source>
        <translation>Ekspor tidak tercatat</translation>
    </message>
    <message>
        <source>Written: %1 (%2 persons).</source>
        <translation>Ditulis: %1 (%2 orang).</translation>
    </message>
    <message>
        <source>Removable media</source>
        <translation>Media lepas-pasang</translation>
    </message>
    <message>
        <source>%1 is on removable media and is not encrypted: it holds clients&apos; personal data. Keep it safe and delete it once it has been sent.</source>
        <translation>%1 ada di media lepas-pasang dan tidak terenkripsi: berisi data pribadi klien. Simpan di tempat aman dan hapus setelah dikirim.</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Tidak diekspor</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Ekspor daftar ini</translation>
    </message>
    <message>
        <source>Exporting the list</source>
        <translation>Mengekspor daftar</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Laporan bulanan</translation>
    </message>
    <message>
        <source>Writing the monthly report</source>
        <translation>Menulis laporan bulanan</translation>
    </message>
</context>
<context>
    <name>ExcuseDialog</name>
    <message>
        <source>Excused absence</source>
        <translation>Izin tidak lapor</translation>
    </message>
    <message>
        <source>The period is neither attended nor missed; the reason and the PK who accepted it are kept.</source>
        <translation>Periode ini tidak dihitung lapor maupun tidak lapor; alasan dan PK yang menyetujui disimpan.</translation>
    </message>
    <message>
        <source>e.g. in hospital, doctor&apos;s letter</source>
        <translation>mis. dirawat di rumah sakit, ada surat dokter</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>A day in the period</source>
        <translation>Tanggal dalam periode</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Accepted by (PK)</source>
        <translation>Disetujui oleh (PK)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>Open a Rekam UPT file</source>
        <translation>Buka berkas Rekam UPT</translation>
    </message>
    <message>
        <source>Rekam UPT files (*.sqlite3 *.db *.rekam);;All files (*)</source>
        <translation>Berkas Rekam UPT (*.sqlite3 *.db *.rekam);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>  (demo)</source>
        <translation>  (demo)</translation>
    </message>
    <message>
        <source>(no other file opened yet)</source>
        <translation>(belum ada berkas lain yang dibuka)</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>Berkas tidak ditemukan</translation>
    </message>
    <message>
        <source>%1 is no longer there (moved, renamed or on a removed disk). It is taken off the list of recent files.</source>
        <translation>%1 sudah tidak ada di sana (dipindah, diganti nama, atau disk-nya dilepas). Berkas ini dihapus dari daftar berkas terakhir.</translation>
    </message>
    <message>
        <source>Back to the real data</source>
        <translation>Kembali ke data asli</translation>
    </message>
    <message>
        <source>No file of real data has been opened on this computer yet (it would be at %1). Open the file where your unit&apos;s data is, or start the real data there now, with the same password.</source>
        <translation>Belum ada berkas data asli yang pernah dibuka di komputer ini (tempat bakunya: %1). Buka berkas tempat data UPT Anda, atau mulai data asli di sana sekarang dengan kata sandi yang sama.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Buka berkas…</translation>
    </message>
    <message>
        <source>Start the real data</source>
        <translation>Mulai data asli</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help — Rekam UPT</source>
        <translation>Panduan — Rekam UPT</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>Riwayat %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operasi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Computer user</source>
        <translation>Akun komputer</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>No entries for this person.</source>
        <translation>Belum ada entri untuk orang ini.</translation>
    </message>
    <message>
        <source>The trail cannot be edited: each entry is chained to the one before it, so a change made outside the program is found by “rekam-upt check”.</source>
        <translation>Jejak audit ini tidak dapat diubah: setiap entri terkait dengan entri sebelumnya, sehingga perubahan di luar program akan ditemukan oleh “rekam-upt check”.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>Impor dari Excel</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>1. Choose the file</source>
        <translation>1. Pilih berkas</translation>
    </message>
    <message>
        <source>Choose the register you keep today in Excel (.xlsx or .xls), LibreOffice (.ods) or as CSV. Nothing is saved until you press Import on the preview.</source>
        <translation>Pilih register yang selama ini Anda simpan di Excel (.xlsx atau .xls), LibreOffice (.ods) atau CSV. Belum ada yang disimpan sampai Anda menekan Impor pada pratinjau.</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Belum ada berkas yang dipilih.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Lembar:</translation>
    </message>
    <message>
        <source>2. Check the columns</source>
        <translation>2. Periksa kolom</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolom di berkas</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Contoh isi</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>Masuk ke</translation>
    </message>
    <message>
        <source>Save this mapping…</source>
        <translation>Simpan pemetaan ini…</translation>
    </message>
    <message>
        <source>For the command line: rekam-upt import FILE --mapping THIS-FILE</source>
        <translation>Untuk baris perintah: rekam-upt import BERKAS --mapping BERKAS-INI</translation>
    </message>
    <message>
        <source>3. Preview: nothing is saved yet</source>
        <translation>3. Pratinjau: belum ada yang disimpan</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Differences with the records (a filled field is changed only if ticked):</source>
        <translation>Perbedaan dengan data yang ada (isian yang sudah terisi hanya diubah bila dicentang):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>Di basis data</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Di berkas</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Officers (PK) not registered: tick to create them</source>
        <translation>PK yang belum terdaftar: centang untuk menambahkannya</translation>
    </message>
    <message>
        <source>Offences the sheet names in its own words:</source>
        <translation>Jenis kejahatan yang ditulis dengan kata-kata sendiri di berkas:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Update the preview</source>
        <translation>Perbarui pratinjau</translation>
    </message>
    <message>
        <source>Save the rows not imported…</source>
        <translation>Simpan baris yang tidak diimpor…</translation>
    </message>
    <message>
        <source>4. Imported</source>
        <translation>4. Selesai diimpor</translation>
    </message>
    <message>
        <source>Undo this import (to the bin)…</source>
        <translation>Batalkan impor ini (ke tempat sampah)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the register</source>
        <translation>Pilih register</translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation>Lembar kerja (%1)</translation>
    </message>
    <message>
        <source>The column headings were found in row %1. Check where each column goes; a column set to “(ignored)” is not read.</source>
        <translation>Judul kolom ditemukan di baris %1. Periksa ke mana setiap kolom masuk; kolom “(diabaikan)” tidak dibaca.</translation>
    </message>
    <message>
        <source>This file has the shape of one imported before: its mapping was applied.</source>
        <translation>Bentuk berkas ini sama dengan berkas yang pernah diimpor: pemetaan yang lalu sudah dipakai.</translation>
    </message>
    <message>
        <source>(ignored)</source>
        <translation>(diabaikan)</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Simpan pemetaan</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Pemetaan (*.json)</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Membaca baris…</translation>
    </message>
    <message>
        <source>%1 rows: %2 will be created, %3 match records already there, %4 need your decision, %5 cannot be imported. New: %6 persons, %7 cases, %8 programs, %9 officers.</source>
        <translation>%1 baris: %2 akan dibuat, %3 cocok dengan data yang sudah ada, %4 perlu keputusan Anda, %5 tidak dapat diimpor. Baru: %6 orang, %7 perkara, %8 program, %9 PK.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Cocok</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Perlu keputusan</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Tidak diimpor</translation>
    </message>
    <message>
        <source>Possibly the same person as: %1</source>
        <translation>Kemungkinan sama dengan: %1</translation>
    </message>
    <message>
        <source>PK not registered: %1</source>
        <translation>PK belum terdaftar: %1</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Putuskan…</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>Orang baru</translation>
    </message>
    <message>
        <source>The same as %1 (%2)</source>
        <translation>Sama dengan %1 (%2)</translation>
    </message>
    <message>
        <source>take the file&apos;s</source>
        <translation>pakai isi berkas</translation>
    </message>
    <message>
        <source>change it in the record</source>
        <translation>ubah di data klien</translation>
    </message>
    <message>
        <source>(leave empty)</source>
        <translation>(biarkan kosong)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Mengimpor %1</translation>
    </message>
    <message>
        <source>Nothing new: every row matched the records already there (or was not imported).</source>
        <translation>Tidak ada yang baru: setiap baris cocok dengan data yang sudah ada (atau tidak diimpor).</translation>
    </message>
    <message>
        <source>Imported: %1 rows created, %2 matched. New: %3 persons, %4 cases, %5 programs, %6 officers.</source>
        <translation>Selesai: %1 baris dibuat, %2 cocok. Baru: %3 orang, %4 perkara, %5 program, %6 PK.</translation>
    </message>
    <message>
        <source>Not imported: %1 rows (%2 waiting for a decision). Save them, fix them and import that file again.</source>
        <translation>Tidak diimpor: %1 baris (%2 menunggu keputusan). Simpan, perbaiki, lalu impor berkas itu lagi.</translation>
    </message>
    <message>
        <source>Rows with an officer not registered have no PK: see the group “No officer assigned”.</source>
        <translation>Baris dengan PK yang belum terdaftar diimpor tanpa PK: lihat kelompok “Belum ada petugas”.</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Baris yang tidak diimpor</translation>
    </message>
    <message>
        <source>Every row was imported.</source>
        <translation>Semua baris sudah diimpor.</translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation>Simpan baris yang tidak diimpor</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>Move every person, case and program this import created to the bin? They can be brought back from Data &gt; Bin (all together).</source>
        <translation>Pindahkan semua orang, perkara dan program yang dibuat impor ini ke tempat sampah? Semuanya dapat dipulihkan bersama dari Data &gt; Tempat sampah.</translation>
    </message>
    <message>
        <source>Move to the bin</source>
        <translation>Pindahkan ke tempat sampah</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Biarkan</translation>
    </message>
    <message>
        <source>The import was undone: its records are in the bin.</source>
        <translation>Impor dibatalkan: datanya ada di tempat sampah.</translation>
    </message>
</context>
<context>
    <name>InterruptionsTab</name>
    <message>
        <source>Days out of detention, such as a suspension of detention (penangguhan). The first and the last day out both count; every date moves later by their number.</source>
        <translation>Hari di luar tahanan, misalnya penangguhan penahanan. Hari pertama dan hari terakhir di luar sama-sama dihitung; setiap tanggal diundur sebanyak jumlah hari itu.</translation>
    </message>
    <message>
        <source>First day out</source>
        <translation>Hari pertama di luar</translation>
    </message>
    <message>
        <source>Last day out</source>
        <translation>Hari terakhir di luar</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Days out of detention</source>
        <translation>Hari di luar tahanan</translation>
    </message>
    <message>
        <source>First day out *</source>
        <translation>Hari pertama di luar *</translation>
    </message>
    <message>
        <source>Last day out *</source>
        <translation>Hari terakhir di luar *</translation>
    </message>
    <message>
        <source>e.g. court order number</source>
        <translation>mis. nomor penetapan pengadilan</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Remove the selected days out of detention</source>
        <translation>Hapus hari di luar tahanan yang dipilih</translation>
    </message>
    <message>
        <source>The first day out</source>
        <translation>Hari pertama di luar</translation>
    </message>
    <message>
        <source>The last day out</source>
        <translation>Hari terakhir di luar</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Dicabut</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Pindah</translation>
    </message>
    <message>
        <source>Absconded / whereabouts unknown</source>
        <translation>Melarikan diri / tidak diketahui</translation>
    </message>
    <message>
        <source>Re-offended</source>
        <translation>Mengulangi tindak pidana</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Meninggal</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Dewasa</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Due for parole (PB)</source>
        <translation>Dapat diusulkan PB</translation>
    </message>
    <message>
        <source>Due for conditional leave (CB)</source>
        <translation>Dapat diusulkan CB</translation>
    </message>
    <message>
        <source>Due for leave before release (CMB)</source>
        <translation>Dapat diusulkan CMB</translation>
    </message>
    <message>
        <source>Due for assimilation</source>
        <translation>Dapat diusulkan asimilasi</translation>
    </message>
    <message>
        <source>Released within 1 month</source>
        <translation>Bebas dalam 1 bulan</translation>
    </message>
    <message>
        <source>Released within 2 months</source>
        <translation>Bebas dalam 2 bulan</translation>
    </message>
    <message>
        <source>Released within 3 months</source>
        <translation>Bebas dalam 3 bulan</translation>
    </message>
    <message>
        <source>Missing verdict date or sentence</source>
        <translation>Putusan belum lengkap</translation>
    </message>
    <message>
        <source>Official dates differ from computed</source>
        <translation>Tanggal resmi berbeda</translation>
    </message>
    <message>
        <source>Incomplete records</source>
        <translation>Data belum lengkap</translation>
    </message>
    <message>
        <source>Still serving, parole (PB) possible by date by the end of next month, and no PB recorded yet</source>
        <translation>Masih menjalani pidana, PB dapat diusulkan menurut tanggal paling lambat akhir bulan depan, dan belum ada PB yang tercatat</translation>
    </message>
    <message>
        <source>Still serving, conditional leave (CB) possible by the end of next month, and no CB recorded yet</source>
        <translation>Masih menjalani pidana, CB dapat diusulkan paling lambat akhir bulan depan, dan belum ada CB yang tercatat</translation>
    </message>
    <message>
        <source>Still serving, leave before release (CMB) possible by the end of next month, and no CMB recorded yet</source>
        <translation>Masih menjalani pidana, CMB dapat diusulkan paling lambat akhir bulan depan, dan belum ada CMB yang tercatat</translation>
    </message>
    <message>
        <source>Still serving, assimilation possible (1/2 of the sentence) by the end of next month, and none recorded yet</source>
        <translation>Masih menjalani pidana, asimilasi dapat diusulkan (1/2 masa pidana) paling lambat akhir bulan depan, dan belum ada yang tercatat</translation>
    </message>
    <message>
        <source>The expiry (release) date falls within the next month</source>
        <translation>Tanggal ekspirasi (bebas) jatuh dalam satu bulan ke depan</translation>
    </message>
    <message>
        <source>The expiry (release) date falls within the next 2 months</source>
        <translation>Tanggal ekspirasi (bebas) jatuh dalam 2 bulan ke depan</translation>
    </message>
    <message>
        <source>The expiry (release) date falls within the next 3 months</source>
        <translation>Tanggal ekspirasi (bebas) jatuh dalam 3 bulan ke depan</translation>
    </message>
    <message>
        <source>Cases without a verdict date or a sentence length: their dates cannot be computed until these are entered</source>
        <translation>Perkara tanpa tanggal putusan atau lama pidana: tanggalnya belum dapat dihitung sampai data itu diisi</translation>
    </message>
    <message>
        <source>Cases whose official dates (from the SK or the releasing Lapas&apos;s papers) differ from what the program computes: check the remissions and the dates in Remisi dan tanggal</source>
        <translation>Perkara yang tanggal resminya (dari SK atau surat Lapas yang membebaskan) berbeda dengan hasil hitung program: periksa remisi dan tanggalnya di Remisi dan tanggal</translation>
    </message>
    <message>
        <source>Initial expiry</source>
        <translation>Ekspirasi awal</translation>
    </message>
    <message>
        <source>Expiry (release)</source>
        <translation>Ekspirasi (bebas)</translation>
    </message>
    <message>
        <source>1/3 of sentence</source>
        <translation>1/3 masa pidana</translation>
    </message>
    <message>
        <source>1/2 of sentence</source>
        <translation>1/2 masa pidana</translation>
    </message>
    <message>
        <source>2/3 of sentence</source>
        <translation>2/3 masa pidana</translation>
    </message>
    <message>
        <source>Parole (PB) from</source>
        <translation>PB mulai</translation>
    </message>
    <message>
        <source>End of parole supervision</source>
        <translation>Akhir masa percobaan PB</translation>
    </message>
    <message>
        <source>Conditional leave (CB) from</source>
        <translation>CB mulai</translation>
    </message>
    <message>
        <source>Conditional leave (CB) until</source>
        <translation>CB sampai</translation>
    </message>
    <message>
        <source>Leave before release (CMB) from</source>
        <translation>CMB mulai</translation>
    </message>
    <message>
        <source>Assimilation from</source>
        <translation>Asimilasi mulai</translation>
    </message>
    <message>
        <source>Imprisonment for a term</source>
        <translation>Pidana penjara waktu tertentu</translation>
    </message>
    <message>
        <source>Life imprisonment</source>
        <translation>Pidana penjara seumur hidup</translation>
    </message>
    <message>
        <source>Death sentence</source>
        <translation>Pidana mati</translation>
    </message>
    <message>
        <source>No verdict yet (detainee)</source>
        <translation>Belum ada putusan (tahanan)</translation>
    </message>
    <message>
        <source>Investigator (A.I)</source>
        <translation>Penyidik (A.I)</translation>
    </message>
    <message>
        <source>Public prosecutor (A.II)</source>
        <translation>Penuntut umum (A.II)</translation>
    </message>
    <message>
        <source>District court (A.III)</source>
        <translation>Pengadilan negeri (A.III)</translation>
    </message>
    <message>
        <source>High court (A.IV)</source>
        <translation>Pengadilan tinggi (A.IV)</translation>
    </message>
    <message>
        <source>Supreme court (A.V)</source>
        <translation>Mahkamah Agung (A.V)</translation>
    </message>
    <message>
        <source>Bapas (probation office)</source>
        <translation>Bapas (Balai Pemasyarakatan)</translation>
    </message>
    <message>
        <source>Lapas (prison)</source>
        <translation>Lapas (Lembaga Pemasyarakatan)</translation>
    </message>
    <message>
        <source>Rutan (remand centre)</source>
        <translation>Rutan (Rumah Tahanan Negara)</translation>
    </message>
    <message>
        <source>LPKA (juvenile facility)</source>
        <translation>LPKA (Lembaga Pembinaan Khusus Anak)</translation>
    </message>
    <message>
        <source>General (17 August)</source>
        <translation>Umum (17 Agustus)</translation>
    </message>
    <message>
        <source>Special (religious holiday)</source>
        <translation>Khusus (hari besar keagamaan)</translation>
    </message>
    <message>
        <source>Decennial</source>
        <translation>Dasawarsa</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>Tambahan</translation>
    </message>
    <message>
        <source>Sentence reduction for children (PMP)</source>
        <translation>Pengurangan masa pidana anak (PMP)</translation>
    </message>
</context>
<context>
    <name>Lapor</name>
    <message>
        <source>In person at the office</source>
        <translation>Lapor diri di kantor</translation>
    </message>
    <message>
        <source>Home visit by the PK</source>
        <translation>Kunjungan rumah oleh PK</translation>
    </message>
    <message>
        <source>Remote (online, video call)</source>
        <translation>Daring (panggilan video)</translation>
    </message>
    <message>
        <source>Through another officer</source>
        <translation>Melalui petugas lain</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bekerja</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Tidak bekerja</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Tidak ditanyakan</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Sakit</translation>
    </message>
    <message>
        <source>Leave granted</source>
        <translation>Izin</translation>
    </message>
    <message>
        <source>Prevented</source>
        <translation>Berhalangan</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>lapor</translation>
    </message>
    <message>
        <source>missed (came late)</source>
        <translation>tidak lapor (datang terlambat)</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>tidak lapor</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>izin</translation>
    </message>
    <message>
        <source>not yet reported (grace days)</source>
        <translation>belum lapor (masa tenggang)</translation>
    </message>
    <message>
        <source>current period</source>
        <translation>periode berjalan</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum tiba</translation>
    </message>
    <message>
        <source>not due (program ended)</source>
        <translation>tidak wajib (program berakhir)</translation>
    </message>
    <message>
        <source>before recording here</source>
        <translation>sebelum pencatatan di sini</translation>
    </message>
    <message>
        <source>Not yet reported this period</source>
        <translation>Belum lapor periode ini</translation>
    </message>
    <message>
        <source>Missed last period</source>
        <translation>Tidak lapor periode lalu</translation>
    </message>
    <message>
        <source>Escalation step to confirm</source>
        <translation>Menunggu konfirmasi</translation>
    </message>
    <message>
        <source>Proposed for revocation</source>
        <translation>Diusulkan dicabut</translation>
    </message>
    <message>
        <source>Guidance ends within 30 days</source>
        <translation>Berakhir ≤ 30 hari</translation>
    </message>
    <message>
        <source>Past the end of guidance, still active</source>
        <translation>Lewat masa bimbingan</translation>
    </message>
    <message>
        <source>Proposal to revoke</source>
        <translation>Usul pencabutan</translation>
    </message>
    <message>
        <source>Report to the head of the Lapas/Rutan</source>
        <translation>Laporan ke Kalapas/Karutan</translation>
    </message>
    <message>
        <source>Report to the prosecutor</source>
        <translation>Laporan ke jaksa</translation>
    </message>
    <message>
        <source>Examination report (BAP)</source>
        <translation>Berita acara pemeriksaan (BAP)</translation>
    </message>
    <message>
        <source>TPP hearing</source>
        <translation>Sidang TPP</translation>
    </message>
    <message>
        <source>Provisional revocation by the head of the Bapas</source>
        <translation>Pencabutan sementara oleh Kabapas</translation>
    </message>
    <message>
        <source>Not revoked (guidance continues)</source>
        <translation>Tidak dicabut (bimbingan dilanjutkan)</translation>
    </message>
    <message>
        <source>Warning letter %1</source>
        <translation>Teguran %1</translation>
    </message>
    <message>
        <source>Reported to the Lapas</source>
        <translation>Laporan ke Kalapas</translation>
    </message>
    <message>
        <source>Reported to the prosecutor</source>
        <translation>Laporan ke jaksa</translation>
    </message>
    <message>
        <source>Clients whose current reporting period has no visit yet</source>
        <translation>Klien yang belum lapor pada periode sekarang</translation>
    </message>
    <message>
        <source>Clients who did not report in the last period that has ended</source>
        <translation>Klien yang tidak lapor pada periode terakhir yang sudah lewat</translation>
    </message>
    <message>
        <source>Missed periods have reached a step (a warning letter, the last step): confirm it to give the letter its number</source>
        <translation>Periode yang terlewat sudah mencapai suatu tahap (surat teguran, tahap akhir): konfirmasikan agar suratnya mendapat nomor</translation>
    </message>
    <message>
        <source>PB, CB or CMB clients proposed for revocation, until the status changes</source>
        <translation>Klien PB, CB atau CMB yang diusulkan dicabut, sampai statusnya berubah</translation>
    </message>
    <message>
        <source>Programs active today whose guidance ends within 30 days</source>
        <translation>Program yang aktif hari ini dan bimbingannya berakhir dalam 30 hari</translation>
    </message>
    <message>
        <source>Programs still marked active after their end of guidance: change their status (never escalated)</source>
        <translation>Program yang masih tercatat aktif setelah akhir bimbingannya: ubah statusnya (tidak pernah dieskalasi)</translation>
    </message>
    <message>
        <source>Clients whose last confirmed step is this one, still missing</source>
        <translation>Klien yang tahap terakhir yang dikonfirmasi adalah tahap ini, dan masih belum lapor</translation>
    </message>
</context>
<context>
    <name>LaporDetails</name>
    <message>
        <source>Wajib lapor %1: %2 of %3 periods reported</source>
        <translation>Wajib lapor %1: %2 dari %3 periode lapor</translation>
    </message>
    <message>
        <source>%1 missed in a row</source>
        <translation>%1 kali berturut-turut tidak lapor</translation>
    </message>
    <message>
        <source>to confirm: %1</source>
        <translation>perlu konfirmasi: %1</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>terakhir %1</translation>
    </message>
    <message>
        <source>Working now</source>
        <translation>Bekerja saat ini</translation>
    </message>
    <message>
        <source>Wajib lapor, notes and photo</source>
        <translation>Wajib lapor, catatan dan foto</translation>
    </message>
</context>
<context>
    <name>LaporDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>LaporWindow</name>
    <message>
        <source>&amp;Check-in (wajib lapor)</source>
        <translation>&amp;Catat wajib lapor</translation>
    </message>
    <message>
        <source>&amp;Mode lapor (keep the focus in the box)</source>
        <translation>&amp;Mode lapor (kursor tetap di kotak lapor)</translation>
    </message>
    <message>
        <source>&amp;Dashboard (charts)…</source>
        <translation>&amp;Dasbor (grafik)…</translation>
    </message>
    <message>
        <source>Wajib lapor &amp;settings…</source>
        <translation>&amp;Pengaturan wajib lapor…</translation>
    </message>
    <message>
        <source>&amp;Wajib lapor</source>
        <translation>&amp;Wajib lapor</translation>
    </message>
    <message>
        <source>Mode lapor: scan a card or type a name; Shift+F4 ends it.</source>
        <translation>Mode lapor: pindai kartu atau ketik nama; Shift+F4 untuk keluar.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Rekam UPT is locked</source>
        <translation>Rekam UPT terkunci</translation>
    </message>
    <message>
        <source>The screen was locked to keep the data private. Enter the password to continue.</source>
        <translation>Layar dikunci agar data tetap terlindungi. Masukkan kata sandi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Kata sandi salah.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Enter the password to open the data.</source>
        <translation>Masukkan kata sandi untuk membuka data.</translation>
    </message>
    <message>
        <source> — DATA DEMO</source>
        <translation> — DATA DEMO</translation>
    </message>
    <message>
        <source>File: %1%2</source>
        <translation>Berkas: %1%2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>di %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Kata sandi salah.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search name, alias, NIK or register number (Ctrl+F)</source>
        <translation>Cari nama, alias, NIK atau nomor register (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a person by part of the name, alias, NIK or register number; Esc clears the search</source>
        <translation>Cari orang dengan sebagian nama, alias, NIK atau nomor register; Esc menghapus pencarian</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>No clients recorded yet</source>
        <translation>Belum ada klien yang tercatat</translation>
    </message>
    <message>
        <source>Enter each client or inmate once: identity, case and program on one form. They are then grouped automatically by program, officer, offence and status.

Start by adding your officers (PK) under Officers, then add the first client. To look around first, open the demo: it makes a separate file with made-up data.</source>
        <translation>Catat tiap klien atau WBP sekali saja, dalam satu formulir: identitas, perkara, program. Data dikelompokkan otomatis per program, PK, tindak pidana, status.

Mulai dengan menambah PK di menu Petugas, lalu klien pertama. Ingin mencoba dulu? Buka demo: berkas terpisah berisi data rekaan.</translation>
    </message>
    <message>
        <source>Add a client</source>
        <translation>Tambah klien</translation>
    </message>
    <message>
        <source>Add officers (PK)</source>
        <translation>Tambah petugas (PK)</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Buka demo</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Klien baru…</translation>
    </message>
    <message>
        <source>Enter a person with their case and program on one form</source>
        <translation>Catat satu orang beserta perkara dan programnya dalam satu formulir</translation>
    </message>
    <message>
        <source>&amp;Edit identity…</source>
        <translation>&amp;Ubah identitas…</translation>
    </message>
    <message>
        <source>Change the name, NIK, address … of the person chosen in the table</source>
        <translation>Ubah nama, NIK, alamat … orang yang dipilih di tabel</translation>
    </message>
    <message>
        <source>Add a &amp;case…</source>
        <translation>Tambah &amp;perkara…</translation>
    </message>
    <message>
        <source>A further case (and program) for the person chosen</source>
        <translation>Perkara (dan program) berikutnya untuk orang yang dipilih</translation>
    </message>
    <message>
        <source>Move to &amp;bin…</source>
        <translation>Pindahkan ke tempat &amp;sampah…</translation>
    </message>
    <message>
        <source>Move the person chosen to the bin, from which they can be restored</source>
        <translation>Pindahkan orang yang dipilih ke tempat sampah; dapat dipulihkan kembali</translation>
    </message>
    <message>
        <source>B&amp;in…</source>
        <translation>&amp;Tempat sampah…</translation>
    </message>
    <message>
        <source>What was moved to the bin, to restore it</source>
        <translation>Data yang dipindahkan ke tempat sampah, untuk dipulihkan</translation>
    </message>
    <message>
        <source>&amp;History of this person…</source>
        <translation>&amp;Riwayat orang ini…</translation>
    </message>
    <message>
        <source>Every change to the person chosen: when, by whom, from what to what</source>
        <translation>Semua perubahan pada orang yang dipilih: kapan, oleh siapa, dari apa menjadi apa</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Log audit…</translation>
    </message>
    <message>
        <source>Every change in this file, newest first</source>
        <translation>Semua perubahan di berkas ini, terbaru di atas</translation>
    </message>
    <message>
        <source>&amp;Officers (PK)…</source>
        <translation>&amp;Petugas (PK)…</translation>
    </message>
    <message>
        <source>Add, change or deactivate the supervising officers (PK), move a caseload</source>
        <translation>Tambah, ubah atau nonaktifkan Pembimbing Kemasyarakatan (PK), alihkan klien binaan</translation>
    </message>
    <message>
        <source>&amp;Office…</source>
        <translation>&amp;Kantor…</translation>
    </message>
    <message>
        <source>The unit&apos;s name, head of office and logo for print-outs</source>
        <translation>Nama UPT, kepala kantor dan logo untuk cetakan</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferensi…</translation>
    </message>
    <message>
        <source>Language, screen lock, backups, register numbers and the rules of computation</source>
        <translation>Bahasa, kunci layar, cadangan, nomor register dan aturan hitung</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Ubah kata &amp;sandi…</translation>
    </message>
    <message>
        <source>Choose a new password for the program</source>
        <translation>Pilih kata sandi baru untuk program</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>Kunci &amp;layar</translation>
    </message>
    <message>
        <source>Hide the data until the password is given again</source>
        <translation>Sembunyikan data sampai kata sandi dimasukkan lagi</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Put the cursor in the search box</source>
        <translation>Pindahkan kursor ke kotak pencarian</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Cadangkan sekarang…</translation>
    </message>
    <message>
        <source>Copy the whole file now, for example to a USB disk (encrypted there)</source>
        <translation>Salin seluruh berkas sekarang, misalnya ke flashdisk (di sana disandikan)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Replace this file&apos;s data by a backup; the current file is kept aside</source>
        <translation>Ganti data berkas ini dengan cadangan; berkas sekarang disimpan terpisah</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Buka…</translation>
    </message>
    <message>
        <source>Open another Rekam UPT file</source>
        <translation>Buka berkas Rekam UPT lain</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Buka &amp;demo</translation>
    </message>
    <message>
        <source>A separate file with made-up data, to try the program</source>
        <translation>Berkas terpisah berisi data rekaan, untuk mencoba program</translation>
    </message>
    <message>
        <source>Back to the &amp;real data</source>
        <translation>Kembali ke data &amp;asli</translation>
    </message>
    <message>
        <source>Leave the demo and open your unit&apos;s own file</source>
        <translation>Tinggalkan demo dan buka berkas data UPT Anda sendiri</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Close the program (a backup is made first)</source>
        <translation>Tutup program (cadangan dibuat lebih dulu)</translation>
    </message>
    <message>
        <source>&amp;Guide to this screen</source>
        <translation>&amp;Panduan layar ini</translation>
    </message>
    <message>
        <source>A short guide to the screen in use</source>
        <translation>Panduan singkat untuk layar yang sedang dipakai</translation>
    </message>
    <message>
        <source>&amp;About and data protection</source>
        <translation>&amp;Tentang dan pelindungan data</translation>
    </message>
    <message>
        <source>The program&apos;s version, where the file is, and how the data is protected</source>
        <translation>Versi program, letak berkas, dan cara data dilindungi</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Read the lists and counts again</source>
        <translation>Baca ulang daftar dan jumlah</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Impor dari Excel…</translation>
    </message>
    <message>
        <source>Bring the unit&apos;s old spreadsheets in: a preview comes before anything is saved, and a whole import can be undone</source>
        <translation>Masukkan berkas Excel lama unit: pratinjau tampil sebelum ada yang disimpan, dan satu impor dapat dibatalkan seluruhnya</translation>
    </message>
    <message>
        <source>E&amp;xport this list to Excel…</source>
        <translation>E&amp;kspor daftar ini ke Excel…</translation>
    </message>
    <message>
        <source>The persons the table shows now, with its columns, as a workbook</source>
        <translation>Orang-orang yang tampil di tabel sekarang, dengan kolomnya, sebagai berkas Excel</translation>
    </message>
    <message>
        <source>&amp;Monthly report (Excel)…</source>
        <translation>Laporan &amp;bulanan (Excel)…</translation>
    </message>
    <message>
        <source>The month&apos;s workbook for the regional office and Ditjenpas</source>
        <translation>Laporan bulanan (Excel) untuk Kanwil dan Ditjenpas</translation>
    </message>
    <message>
        <source>&amp;Capacity per register class…</source>
        <translation>&amp;Kapasitas per golongan register…</translation>
    </message>
    <message>
        <source>How many a Lapas or Rutan can hold per register class, for the occupancy sheet</source>
        <translation>Daya tampung Lapas atau Rutan per golongan register, untuk lembar hunian</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Officers</source>
        <translation>&amp;Petugas</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Pen&amp;gaturan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>Berkas &amp;terakhir</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Pemulihan gagal</translation>
    </message>
    <message>
        <source>%1 — %2%</source>
        <translation>%1 — %2%</translation>
    </message>
    <message>
        <source>DATA DEMO</source>
        <translation>DATA DEMO</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>hanya baca</translation>
    </message>
    <message>
        <source>DATA DEMO — made-up data in a separate file, not your unit&apos;s records. &lt;a href=&quot;real&quot;&gt;Back to the real data&lt;/a&gt; (File menu).</source>
        <translation>DATA DEMO — data rekaan dalam berkas terpisah, bukan data UPT Anda. &lt;a href=&quot;real&quot;&gt;Kembali ke data asli&lt;/a&gt; (menu Berkas).</translation>
    </message>
    <message>
        <source>Read-only: this file&apos;s folder cannot be written. You can look and search; changes are not possible.</source>
        <translation>Hanya baca: folder berkas ini tidak dapat ditulisi. Anda dapat melihat dan mencari, tetapi tidak dapat mengubah data.</translation>
    </message>
    <message>
        <source>The group counts could not be made: %1</source>
        <translation>Jumlah per kelompok tidak dapat dihitung: %1</translation>
    </message>
    <message>
        <source>Nobody matches “%1” in these groups.</source>
        <translation>Tidak ada yang cocok dengan “%1” di kelompok ini.</translation>
    </message>
    <message>
        <source>Nobody in this group.</source>
        <translation>Tidak ada orang di kelompok ini.</translation>
    </message>
    <message>
        <source>%1 persons match “%2”</source>
        <translation>%1 orang cocok dengan “%2”</translation>
    </message>
    <message>
        <source>%1 persons</source>
        <translation>%1 orang</translation>
    </message>
    <message>
        <source>Showing:</source>
        <translation>Menampilkan:</translation>
    </message>
    <message>
        <source>all clients</source>
        <translation>semua klien</translation>
    </message>
    <message>
        <source>(including ended programs)</source>
        <translation>(termasuk program yang sudah berakhir)</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Hapus saringan ini</translation>
    </message>
    <message>
        <source>Clear the search (Esc)</source>
        <translation>Hapus pencarian (Esc)</translation>
    </message>
    <message>
        <source>in these groups</source>
        <translation>di kelompok ini</translation>
    </message>
    <message>
        <source>among all clients</source>
        <translation>di semua klien</translation>
    </message>
    <message>
        <source>search “%1” %2</source>
        <translation>pencarian “%1” %2</translation>
    </message>
    <message>
        <source>No program</source>
        <translation>Tanpa program</translation>
    </message>
    <message>
        <source>No officer assigned</source>
        <translation>Belum ada petugas</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Tanpa kategori</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>%1 was saved, but is not in the groups or search chosen now, so the table does not list them.</source>
        <translation>%1 tersimpan, tetapi tidak termasuk kelompok atau pencarian yang sedang dipilih, jadi tidak tampil di tabel.</translation>
    </message>
    <message>
        <source>NIK %1</source>
        <translation>NIK %1</translation>
    </message>
    <message>
        <source>passport %1</source>
        <translation>paspor %1</translation>
    </message>
    <message>
        <source>register no. %1</source>
        <translation>no. register %1</translation>
    </message>
    <message>
        <source>Move to bin</source>
        <translation>Pindahkan ke tempat sampah</translation>
    </message>
    <message>
        <source>Move %1 with all cases and programs to the bin? It can be restored from Data &gt; Bin.</source>
        <translation>Pindahkan %1 beserta semua perkara dan programnya ke tempat sampah? Data dapat dipulihkan dari Data &gt; Tempat sampah.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Move this case and its programs to the bin?</source>
        <translation>Pindahkan perkara ini beserta programnya ke tempat sampah?</translation>
    </message>
    <message>
        <source>Move this program to the bin?</source>
        <translation>Pindahkan program ini ke tempat sampah?</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Tidak berhasil</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Kata sandi diubah</translation>
    </message>
    <message>
        <source>The new password applies from now on.</source>
        <translation>Kata sandi baru berlaku mulai sekarang.</translation>
    </message>
    <message>
        <source>About Rekam UPT</source>
        <translation>Tentang Rekam UPT</translation>
    </message>
    <message>
        <source>Rekam UPT %1 — records of clients and inmates for one corrections unit, offline.</source>
        <translation>Rekam UPT %1 — pencatatan klien dan WBP untuk satu UPT Pemasyarakatan, luring (offline).</translation>
    </message>
    <message>
        <source>Data protection (UU 27/2022):</source>
        <translation>Pelindungan data pribadi (UU 27/2022):</translation>
    </message>
    <message>
        <source>The program opens no network connection.</source>
        <translation>Program ini tidak membuka koneksi jaringan apa pun.</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>Berkas basis data: %1</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly report (Excel)</source>
        <translation>Laporan bulanan (Excel)</translation>
    </message>
    <message>
        <source>Leave the NIK column out</source>
        <translation>Tanpa kolom NIK</translation>
    </message>
    <message>
        <source>For the regional office (Kanwil) and Ditjenpas: Rekap, Per PK, Per Jenis Kejahatan and Data Klien (a Lapas or Rutan: occupancy per register class). The workbook is not encrypted.</source>
        <translation>Untuk Kanwil dan Ditjenpas: Rekap, Per PK, Per Jenis Kejahatan dan Data Klien (Lapas atau Rutan: hunian per golongan register). Berkas ini tidak terenkripsi.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>NikReasonDialog</name>
    <message>
        <source>Check the NIK</source>
        <translation>Periksa NIK</translation>
    </message>
    <message>
        <source>The civil registry does not reissue a NIK when a birth date is corrected. If the NIK is right as written, say why (e.g. &apos;as on the KTP; birth date corrected by court ruling&apos;).</source>
        <translation>Dukcapil tidak menerbitkan NIK baru bila tanggal lahir dikoreksi. Bila NIK sudah benar seperti tertulis, sebutkan alasannya (mis. &apos;sesuai KTP; tanggal lahir dikoreksi dengan penetapan pengadilan&apos;).</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>NIK is right, save</source>
        <translation>NIK benar, simpan</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>Kembali dan perbaiki</translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation>Tulis alasannya dulu.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Guidance note</source>
        <translation>Catatan perkembangan bimbingan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>PK</source>
        <translation>PK</translation>
    </message>
    <message>
        <source>Present condition</source>
        <translation>Kondisi saat ini</translation>
    </message>
    <message>
        <source>Activity / work</source>
        <translation>Kegiatan / pekerjaan</translation>
    </message>
    <message>
        <source>Social surroundings</source>
        <translation>Lingkungan sosial</translation>
    </message>
    <message>
        <source>Obstacles</source>
        <translation>Kendala</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Rencana ke depan</translation>
    </message>
    <message>
        <source>Other notes</source>
        <translation>Catatan lain</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Tindak lanjut pada</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <source>First start — step 2 of 2: your office</source>
        <translation>Penggunaan pertama — langkah 2 dari 2: kantor Anda</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Step 2 of 2: tell the program about your office. Print-outs (registers, guidance cards, reports) use these details in the letterhead and the signature block. You can skip this now and fill it in later under Settings &gt; Office.</source>
        <translation>Langkah 2 dari 2: isi data kantor Anda. Cetakan (register, kartu bimbingan, laporan) memakai data ini pada kop surat dan blok tanda tangan. Anda dapat melewatinya sekarang dan mengisinya nanti di Pengaturan &gt; Kantor.</translation>
    </message>
    <message>
        <source>e.g. Bapas Kelas II Bojonegoro</source>
        <translation>mis. Bapas Kelas II Bojonegoro</translation>
    </message>
    <message>
        <source>street, number, postcode</source>
        <translation>jalan, nomor, kode pos</translation>
    </message>
    <message>
        <source>city used before the date when signing</source>
        <translation>kota yang ditulis sebelum tanggal pada tanda tangan</translation>
    </message>
    <message>
        <source>name with degrees</source>
        <translation>nama dengan gelar</translation>
    </message>
    <message>
        <source>18 digits</source>
        <translation>18 digit</translation>
    </message>
    <message>
        <source>who enters the data on this computer</source>
        <translation>yang mengisi data di komputer ini</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Hapus logo</translation>
    </message>
    <message>
        <source>PNG or JPG; scaled down to %1 px.</source>
        <translation>PNG atau JPG; diperkecil menjadi %1 px.</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Nama UPT</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>Jenis UPT</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>Kepala kantor</translation>
    </message>
    <message>
        <source>NIP of the head</source>
        <translation>NIP kepala</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Recorded with every change in the audit trail.</source>
        <translation>Dicatat pada setiap perubahan di jejak audit.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Print-outs (registers, guidance cards, reports) use these details in the letterhead and the signature block.</source>
        <translation>Cetakan (register, kartu bimbingan, laporan) memakai data ini pada kop surat dan blok tanda tangan.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Lewati dulu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>no logo</source>
        <translation>tanpa logo</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Gambar (%1)</translation>
    </message>
    <message>
        <source>This file is not an image the program can read.</source>
        <translation>Berkas ini bukan gambar yang dapat dibaca program.</translation>
    </message>
</context>
<context>
    <name>OfficerForm</name>
    <message>
        <source>Add an officer (PK)</source>
        <translation>Tambah petugas (PK)</translation>
    </message>
    <message>
        <source>Edit officer (PK)</source>
        <translation>Ubah petugas (PK)</translation>
    </message>
    <message>
        <source>full name with degrees, e.g. Sari Dewi, S.H.</source>
        <translation>nama lengkap dengan gelar, mis. Sari Dewi, S.H.</translation>
    </message>
    <message>
        <source>18 digits, e.g. 198503122010012001</source>
        <translation>18 digit, mis. 198503122010012001</translation>
    </message>
    <message>
        <source>choose or type</source>
        <translation>pilih atau ketik</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Nama *</translation>
    </message>
    <message>
        <source>NIP / NI PPPK</source>
        <translation>NIP / NI PPPK</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat/gol.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Staff on contract (PPPK) enter their NI PPPK, also 18 digits. Leave it empty only for staff who have neither.</source>
        <translation>Pegawai PPPK mengisi NI PPPK, juga 18 digit. Kosongkan hanya untuk pegawai yang tidak memiliki keduanya.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <source>Officers (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>The supervising officers (Pembimbing Kemasyarakatan) of this unit. An officer who leaves is deactivated, not deleted: the records they handled keep their name.</source>
        <translation>Para Pembimbing Kemasyarakatan (PK) di UPT ini. Petugas yang keluar dinonaktifkan, bukan dihapus: data yang pernah ditanganinya tetap mencantumkan namanya.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP / NI PPPK</source>
        <translation>NIP / NI PPPK</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat/gol.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Active clients</source>
        <translation>Klien aktif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No officers recorded yet.

Add the PKs of your unit with “Add…”; they can then be chosen as the supervising officer of a program.</source>
        <translation>Belum ada petugas yang tercatat.

Tambahkan PK di UPT Anda dengan “Tambah…”; setelah itu PK dapat dipilih sebagai pembimbing suatu program.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Nonaktifkan…</translation>
    </message>
    <message>
        <source>&amp;Move caseload…</source>
        <translation>&amp;Alihkan klien binaan…</translation>
    </message>
    <message>
        <source>Add an officer (Ins)</source>
        <translation>Tambah petugas (Ins)</translation>
    </message>
    <message>
        <source>Edit the selected officer (F2 or double-click)</source>
        <translation>Ubah petugas yang dipilih (F2 atau klik dua kali)</translation>
    </message>
    <message>
        <source>Hand every active program of the selected officer to another PK</source>
        <translation>Serahkan semua program aktif petugas yang dipilih kepada PK lain</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive since %1</source>
        <translation>Nonaktif sejak %1</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>%1 active, %2 inactive</source>
        <translation>%1 aktif, %2 nonaktif</translation>
    </message>
    <message>
        <source>&amp;Reactivate…</source>
        <translation>Aktifkan &amp;kembali…</translation>
    </message>
    <message>
        <source>Deactivate %1? They are no longer offered for new programs. The records they handled keep their name, and they can be reactivated later.</source>
        <translation>Nonaktifkan %1? Petugas ini tidak lagi ditawarkan untuk program baru. Data yang pernah ditanganinya tetap mencantumkan namanya, dan petugas dapat diaktifkan kembali nanti.</translation>
    </message>
    <message>
        <source>%1 still supervises %2 active clients. Use “Move caseload…” to hand them to another officer.</source>
        <translation>%1 masih membimbing %2 klien aktif. Gunakan “Alihkan klien binaan…” untuk menyerahkannya kepada petugas lain.</translation>
    </message>
    <message>
        <source>Deactivate officer</source>
        <translation>Nonaktifkan petugas</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Reactivate officer</source>
        <translation>Aktifkan kembali petugas</translation>
    </message>
    <message>
        <source>Reactivate %1? They can be chosen for programs again.</source>
        <translation>Aktifkan kembali %1? Petugas ini dapat dipilih lagi untuk program.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Aktifkan kembali</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Tidak berhasil</translation>
    </message>
    <message>
        <source>Move caseload</source>
        <translation>Alihkan klien binaan</translation>
    </message>
    <message>
        <source>%1 has no active programs to move.</source>
        <translation>%1 tidak memiliki program aktif untuk dialihkan.</translation>
    </message>
    <message>
        <source>There is no other active officer to receive the caseload. Add or reactivate one first.</source>
        <translation>Tidak ada petugas aktif lain yang dapat menerima klien binaan. Tambahkan atau aktifkan kembali petugas terlebih dahulu.</translation>
    </message>
    <message>
        <source>Move all %1 active programs (%2 clients) from %3 to %4?</source>
        <translation>Alihkan semua %1 program aktif (%2 klien) dari %3 kepada %4?</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Tidak dialihkan</translation>
    </message>
    <message>
        <source>Caseload moved</source>
        <translation>Klien binaan dialihkan</translation>
    </message>
    <message>
        <source>%1 programs moved from %2 to %3.</source>
        <translation>%1 program dialihkan dari %2 kepada %3.</translation>
    </message>
</context>
<context>
    <name>OfficialTab</name>
    <message>
        <source>Dates from the SK and the releasing Lapas&apos;s papers (mainly for a Bapas). Leave a date empty to remove it. Each one is compared with the computed date; a difference is marked ≠ and the case appears under Due › Official dates differ from computed.</source>
        <translation>Tanggal dari SK dan surat Lapas yang membebaskan (terutama untuk Bapas). Kosongkan tanggal untuk menghapusnya. Setiap tanggal dibandingkan dengan hasil hitung; perbedaan ditandai ≠ dan perkara muncul di Perlu perhatian › Tanggal resmi berbeda.</translation>
    </message>
    <message>
        <source>e.g. SK PB number …; release letter of Lapas …</source>
        <translation>mis. nomor SK PB …; surat pembebasan Lapas …</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Save official dates</source>
        <translation>Simpan tanggal resmi</translation>
    </message>
    <message>
        <source>Computed: %1</source>
        <translation>Hasil hitung: %1</translation>
    </message>
    <message>
        <source>Saved. Differs from the computed date: %1</source>
        <translation>Tersimpan. Berbeda dari hasil hitung: %1</translation>
    </message>
    <message>
        <source>Saved. The official dates agree with the computed ones.</source>
        <translation>Tersimpan. Tanggal resmi sama dengan hasil hitung.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Dibatalkan: tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The change could not be made (%1). Nothing was saved.</source>
        <translation>Perubahan tidak dapat dilakukan (%1). Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The database is closed.</source>
        <translation>Basis data sudah ditutup.</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Menunggu %1</translation>
    </message>
    <message>
        <source>a long change</source>
        <translation>perubahan panjang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>OverrideTab</name>
    <message>
        <source>Replace a computed date with the official one, for example from the SK, and say why. The computed date is kept and shown beside it, the change survives every recomputation, and the dates that follow from it move with it.</source>
        <translation>Ganti tanggal hasil hitung dengan tanggal resmi, misalnya dari SK, dan sebutkan alasannya. Tanggal hasil hitung tetap disimpan dan ditampilkan di sampingnya, koreksi tetap berlaku setiap kali dihitung ulang, dan tanggal-tanggal turunannya ikut bergeser.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>New date *</source>
        <translation>Tanggal baru *</translation>
    </message>
    <message>
        <source>e.g. SK PB number …, date in the SK</source>
        <translation>mis. nomor SK PB …, tanggal dalam SK</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Alasan *</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Koreksi</translation>
    </message>
    <message>
        <source>Clear override</source>
        <translation>Hapus koreksi</translation>
    </message>
    <message>
        <source>Use the computed date again</source>
        <translation>Gunakan lagi tanggal hasil hitung</translation>
    </message>
    <message>
        <source>Computed: %1 · in force: %2</source>
        <translation>Hasil hitung: %1 · berlaku: %2</translation>
    </message>
    <message>
        <source>Overridden now:</source>
        <translation>Yang dikoreksi saat ini:</translation>
    </message>
    <message>
        <source>No date is overridden.</source>
        <translation>Tidak ada tanggal yang dikoreksi.</translation>
    </message>
    <message>
        <source>Changing %1 moves no other date.</source>
        <translation>Mengubah %1 tidak menggeser tanggal lain.</translation>
    </message>
    <message>
        <source>Changing %1 also moves: %2</source>
        <translation>Mengubah %1 ikut menggeser: %2</translation>
    </message>
    <message>
        <source>The new date</source>
        <translation>Tanggal baru</translation>
    </message>
    <message>
        <source>The computed date of %1 is in force again.</source>
        <translation>Tanggal hasil hitung %1 berlaku lagi.</translation>
    </message>
</context>
<context>
    <name>PaperSettingsDialog</name>
    <message>
        <source>Letterhead and print-outs</source>
        <translation>Kop surat dan cetakan</translation>
    </message>
    <message>
        <source>e.g. Pembina (IV/a)</source>
        <translation>mis. Pembina (IV/a)</translation>
    </message>
    <message>
        <source>empty: Kepala + the unit&apos;s name</source>
        <translation>kosong: Kepala + nama UPT</translation>
    </message>
    <message>
        <source>Letterhead lines</source>
        <translation>Baris kop surat</translation>
    </message>
    <message>
        <source>One line each, above the unit&apos;s name (ministry, directorate general, regional office).</source>
        <translation>Satu baris masing-masing, di atas nama UPT (kementerian, direktorat jenderal, kantor wilayah).</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Telepon kantor</translation>
    </message>
    <message>
        <source>Office e-mail</source>
        <translation>Pos-el kantor</translation>
    </message>
    <message>
        <source>Rank of the head</source>
        <translation>Pangkat kepala</translation>
    </message>
    <message>
        <source>Title of the head</source>
        <translation>Sebutan jabatan kepala</translation>
    </message>
    <message>
        <source>Kinds of legal basis</source>
        <translation>Jenis dasar hukum</translation>
    </message>
    <message>
        <source>One a line: code = name, e.g. sk_kabapas = SK Kepala Bapas.</source>
        <translation>Satu per baris: kode = nama, mis. sk_kabapas = SK Kepala Bapas.</translation>
    </message>
    <message>
        <source>The unit&apos;s name, address, head of office and logo are under Settings &gt; Office.</source>
        <translation>Nama UPT, alamat, kepala kantor dan logo ada di Pengaturan &gt; Kantor.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
</context>
<context>
    <name>PersonTable</name>
    <message>
        <source>Click a title to sort; right-click to choose the columns shown</source>
        <translation>Klik judul untuk mengurutkan; klik kanan untuk memilih kolom yang tampil</translation>
    </message>
    <message>
        <source>Columns shown</source>
        <translation>Kolom yang tampil</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK / passport</source>
        <translation>NIK / paspor</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Lahir</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Register no.</source>
        <translation>No. register</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Tindak pidana</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Guidance from</source>
        <translation>Bimbingan mulai</translation>
    </message>
    <message>
        <source>Guidance until</source>
        <translation>Bimbingan sampai</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>This file is not a picture that can be read: %1</source>
        <translation>Berkas ini bukan gambar yang dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Register numbers</source>
        <translation>Nomor register</translation>
    </message>
    <message>
        <source>Sentence calculation</source>
        <translation>Perhitungan pidana</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Applies fully after the program is closed and opened again.</source>
        <translation>Berlaku penuh setelah program ditutup dan dibuka kembali.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Lock the screen after</source>
        <translation>Kunci layar setelah</translation>
    </message>
    <message>
        <source>without keyboard or mouse input; the password unlocks it (1–240 minutes).</source>
        <translation>tanpa aktivitas keyboard atau mouse; kata sandi membukanya kembali (1–240 menit).</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>Paper for print-outs</source>
        <translation>Kertas cetakan</translation>
    </message>
    <message>
        <source>Make an automatic backup once a day</source>
        <translation>Buat cadangan otomatis sekali sehari</translation>
    </message>
    <message>
        <source>Keep the last</source>
        <translation>Simpan sebanyak</translation>
    </message>
    <message>
        <source>automatic backups (daily and at exit), 1–100; older ones are deleted. Backups made with File &gt; Back up now are not touched.</source>
        <translation>cadangan otomatis terakhir (harian dan saat keluar), 1–100; yang lebih lama dihapus. Cadangan yang dibuat lewat Berkas &gt; Cadangkan sekarang tidak ikut dihapus.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy the folder&apos;s path to the clipboard</source>
        <translation>Salin alamat folder ke papan klip</translation>
    </message>
    <message>
        <source>Copy backups to another disk or a flash drive now and then: a backup on the same computer does not survive a broken disk.</source>
        <translation>Sesekali salin cadangan ke disk lain atau flashdisk: cadangan di komputer yang sama ikut hilang bila disk rusak.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>New programs get the next register number from this pattern. Numbers already given do not change.</source>
        <translation>Program baru mendapat nomor register berikutnya menurut pola ini. Nomor yang sudah diberikan tidak berubah.</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Pola</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Contoh</translation>
    </message>
    <message>
        <source>sequence number in the year: 7</source>
        <translation>nomor urut dalam tahun: 7</translation>
    </message>
    <message>
        <source>sequence number with 3 digits: 007</source>
        <translation>nomor urut 3 digit: 007</translation>
    </message>
    <message>
        <source>sequence number with 4 digits: 0007</source>
        <translation>nomor urut 4 digit: 0007</translation>
    </message>
    <message>
        <source>program code: PB, CB, CMB …</source>
        <translation>kode program: PB, CB, CMB …</translation>
    </message>
    <message>
        <source>year: 2026</source>
        <translation>tahun: 2026</translation>
    </message>
    <message>
        <source>month as two digits: 03</source>
        <translation>bulan dua digit: 03</translation>
    </message>
    <message>
        <source>month in Roman numerals: III</source>
        <translation>bulan dalam angka Romawi: III</translation>
    </message>
    <message>
        <source>Insert into the pattern</source>
        <translation>Sisipkan ke dalam pola</translation>
    </message>
    <message>
        <source>Placeholders (click to insert):</source>
        <translation>Penanda (klik untuk menyisipkan):</translation>
    </message>
    <message>
        <source>These choices are where the law is silent or official print-outs differ. Changing one recomputes the dates of every case; with many cases this takes a few seconds.</source>
        <translation>Pilihan ini untuk hal yang tidak diatur peraturan atau yang berbeda di cetakan resmi. Mengubah salah satunya menghitung ulang tanggal semua perkara; bila perkaranya banyak, perlu beberapa detik.</translation>
    </message>
    <message>
        <source>round up</source>
        <translation>dibulatkan ke atas</translation>
    </message>
    <message>
        <source>round down</source>
        <translation>dibulatkan ke bawah</translation>
    </message>
    <message>
        <source>to the nearest day (half a day up)</source>
        <translation>ke hari terdekat (setengah hari ke atas)</translation>
    </message>
    <message>
        <source>the last day of that month</source>
        <translation>hari terakhir bulan itu</translation>
    </message>
    <message>
        <source>on into the next month</source>
        <translation>lanjut ke bulan berikutnya</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <source>Copied. Paste it into the file manager&apos;s address bar.</source>
        <translation>Tersalin. Tempelkan di bilah alamat pengelola berkas.</translation>
    </message>
    <message>
        <source>The pattern has an unknown placeholder or a stray brace.</source>
        <translation>Pola memuat penanda yang tidak dikenal atau kurung kurawal yang lepas.</translation>
    </message>
    <message>
        <source>%1 — every number would be the same: add {seq}.</source>
        <translation>%1 — semua nomor akan sama: tambahkan {seq}.</translation>
    </message>
    <message>
        <source>Recomputing case %1 of %2…</source>
        <translation>Menghitung ulang perkara %1 dari %2…</translation>
    </message>
    <message>
        <source>Recomputing the dates of every case…</source>
        <translation>Menghitung ulang tanggal semua perkara…</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Tidak diubah</translation>
    </message>
    <message>
        <source>Cancelled: the calculation choices and all dates are as they were.</source>
        <translation>Dibatalkan: pilihan perhitungan dan semua tanggal tetap seperti semula.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>Dates recomputed</source>
        <translation>Tanggal dihitung ulang</translation>
    </message>
    <message>
        <source>The dates of %1 cases were recomputed with the new choices.</source>
        <translation>Tanggal %1 perkara telah dihitung ulang dengan pilihan baru.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Buang perubahan?</translation>
    </message>
    <message>
        <source>The changes in these preferences are not saved.</source>
        <translation>Perubahan pada preferensi ini belum disimpan.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Lanjut mengubah</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Pratinjau cetak — %1</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>Lebar halaman</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Perbesaran</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>mendatar</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>tegak</translation>
    </message>
    <message>
        <source>%1 pages · paper %2, %3 · %4 persons</source>
        <translation>%1 halaman · kertas %2, %3 · %4 orang</translation>
    </message>
    <message>
        <source>Printing or saving is recorded in the audit trail.</source>
        <translation>Mencetak atau menyimpan dicatat dalam jejak audit.</translation>
    </message>
    <message>
        <source>The document has no pages.</source>
        <translation>Dokumen ini tidak berisi halaman.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Tidak dicetak</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Cetak %1</translation>
    </message>
    <message>
        <source>No F4 paper</source>
        <translation>Tidak ada kertas F4</translation>
    </message>
    <message>
        <source>The printer %1 does not list F4 paper (215 × 330 mm). Print on Folio (210 × 330 mm), or ask the printer for a custom size of 215 × 330 mm? The page is printed at 100 % either way.</source>
        <translation>Printer %1 tidak mencantumkan kertas F4 (215 × 330 mm). Cetak pada Folio (210 × 330 mm), atau minta printer memakai ukuran khusus 215 × 330 mm? Halaman tetap dicetak 100 %.</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Custom 215 × 330 mm</source>
        <translation>Ukuran khusus 215 × 330 mm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak disimpan</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>Printer tidak dapat dimulai.</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <source>Print the register pembimbingan</source>
        <translation>Cetak register pembimbingan</translation>
    </message>
    <message>
        <source>Print the klaper</source>
        <translation>Cetak klaper</translation>
    </message>
    <message>
        <source>Print the B register</source>
        <translation>Cetak register B</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>Pilih klien lebih dahulu.</translation>
    </message>
    <message>
        <source>Date sheet</source>
        <translation>Lembar perhitungan</translation>
    </message>
    <message>
        <source>no verdict number</source>
        <translation>tanpa nomor putusan</translation>
    </message>
    <message>
        <source>This person has no case.</source>
        <translation>Orang ini belum punya perkara.</translation>
    </message>
    <message>
        <source>Print the date sheet</source>
        <translation>Cetak lembar perhitungan</translation>
    </message>
    <message>
        <source>Print the guidance cards of a month</source>
        <translation>Cetak kartu bimbingan sebulan</translation>
    </message>
    <message>
        <source>A5, two on a sheet (cut marks)</source>
        <translation>A5, dua per lembar (dengan tanda potong)</translation>
    </message>
    <message>
        <source>A4, one card a page</source>
        <translation>A4, satu kartu per halaman</translation>
    </message>
    <message>
        <source>Only clients starting this month or never printed</source>
        <translation>Hanya klien yang mulai bulan ini atau belum pernah dicetak</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Guidance cards</source>
        <translation>Kartu bimbingan</translation>
    </message>
    <message>
        <source>This client has no active guidance program: there is no card to print.</source>
        <translation>Klien ini tidak punya program bimbingan yang aktif: tidak ada kartu yang dicetak.</translation>
    </message>
    <message>
        <source>Guidance card</source>
        <translation>Kartu bimbingan</translation>
    </message>
    <message>
        <source>A card for %1 was printed before. Print it as a replacement (PENGGANTI), for a lost card?</source>
        <translation>Kartu %1 sudah pernah dicetak. Cetak sebagai kartu PENGGANTI (kartu hilang)?</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>Kartu pengganti</translation>
    </message>
    <message>
        <source>Ordinary copy</source>
        <translation>Cetak biasa</translation>
    </message>
    <message>
        <source>Print the reporting list of a month</source>
        <translation>Cetak daftar wajib lapor sebulan</translation>
    </message>
    <message>
        <source>Print today&apos;s reporting log</source>
        <translation>Cetak buku harian wajib lapor hari ini</translation>
    </message>
    <message>
        <source>This client has no active program: there is no agreement to print.</source>
        <translation>Klien ini tidak punya program yang aktif: tidak ada kontrak bimbingan yang dicetak.</translation>
    </message>
    <message>
        <source>Guidance agreement</source>
        <translation>Kontrak bimbingan</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Cetak</translation>
    </message>
    <message>
        <source>Guidance &amp;cards of a month…</source>
        <translation>&amp;Kartu bimbingan sebulan…</translation>
    </message>
    <message>
        <source>Guidance card of &amp;this client…</source>
        <translation>Kartu bimbingan klien &amp;ini…</translation>
    </message>
    <message>
        <source>Guidance &amp;agreement of this client…</source>
        <translation>Kontrak bim&amp;bingan klien ini…</translation>
    </message>
    <message>
        <source>&amp;Reporting list of a month…</source>
        <translation>&amp;Daftar wajib lapor sebulan…</translation>
    </message>
    <message>
        <source>Today&apos;s reporting &amp;log…</source>
        <translation>B&amp;uku harian wajib lapor hari ini…</translation>
    </message>
    <message>
        <source>Register &amp;pembimbingan…</source>
        <translation>Register &amp;pembimbingan…</translation>
    </message>
    <message>
        <source>&amp;Klaper (name index)…</source>
        <translation>K&amp;laper (indeks nama)…</translation>
    </message>
    <message>
        <source>Register &amp;B (convicts)…</source>
        <translation>Register &amp;B (narapidana)…</translation>
    </message>
    <message>
        <source>&amp;Date sheet of this client…</source>
        <translation>Lembar perhitun&amp;gan klien ini…</translation>
    </message>
    <message>
        <source>&amp;Letterhead and print-outs…</source>
        <translation>Kop &amp;surat dan cetakan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>All programs</source>
        <translation>Semua program</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Semua PK</translation>
    </message>
    <message>
        <source>All offences</source>
        <translation>Semua tindak pidana</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>PK</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Tindak pidana</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Perkara</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Seluruh periode</translation>
    </message>
    <message>
        <source>One year</source>
        <translation>Satu tahun</translation>
    </message>
    <message>
        <source>One month</source>
        <translation>Satu bulan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>Kepala kantor</translation>
    </message>
    <message>
        <source>On behalf of the head (a.n.)</source>
        <translation>Atas nama kepala (a.n.)</translation>
    </message>
    <message>
        <source>Daily executive (Plh.)</source>
        <translation>Pelaksana harian (Plh.)</translation>
    </message>
    <message>
        <source>Acting head (Plt.)</source>
        <translation>Pelaksana tugas (Plt.)</translation>
    </message>
    <message>
        <source>e.g. Head of the Client Guidance Section</source>
        <translation>mis. Kepala Seksi Bimbingan Klien</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <source>Signing officer</source>
        <translation>Petugas penanda tangan</translation>
    </message>
    <message>
        <source>Their position (a.n.)</source>
        <translation>Jabatannya (a.n.)</translation>
    </message>
    <message>
        <source>Operator (from the office settings)</source>
        <translation>Operator (dari pengaturan kantor)</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Dibuat oleh</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the officer who signs.</source>
        <translation>Pilih petugas yang menandatangani.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>RemissionForm</name>
    <message>
        <source>Date granted *</source>
        <translation>Tanggal diberikan *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source> months</source>
        <translation> bulan</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Amount *</source>
        <translation>Besaran *</translation>
    </message>
    <message>
        <source>number of the decree (SK) that granted it</source>
        <translation>nomor SK pemberian remisi</translation>
    </message>
    <message>
        <source>SK number</source>
        <translation>Nomor SK</translation>
    </message>
    <message>
        <source>The date granted</source>
        <translation>Tanggal diberikan</translation>
    </message>
</context>
<context>
    <name>RemissionTotalBox</name>
    <message>
        <source>Total remission from the SK</source>
        <translation>Jumlah remisi dari SK</translation>
    </message>
    <message>
        <source>When the papers give only the total remission, enter it here instead of a ledger. The expiry moves earlier by that many days; 1/3, 1/2 and 2/3 are then computed without remission and CMB is not computed. A case keeps either a ledger or a total.</source>
        <translation>Bila dokumen hanya menyebut jumlah remisi, isikan di sini sebagai ganti daftar remisi. Ekspirasi dimajukan sebanyak hari itu; 1/3, 1/2 dan 2/3 lalu dihitung tanpa remisi dan CMB tidak dihitung. Satu perkara memakai daftar remisi atau jumlah remisi, tidak keduanya.</translation>
    </message>
    <message>
        <source>Use a total of</source>
        <translation>Pakai jumlah</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Save total</source>
        <translation>Simpan jumlah</translation>
    </message>
</context>
<context>
    <name>RemissionsTab</name>
    <message>
        <source>Date granted</source>
        <translation>Tanggal diberikan</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Besaran</translation>
    </message>
    <message>
        <source>SK number</source>
        <translation>Nomor SK</translation>
    </message>
    <message>
        <source>Remission</source>
        <translation>Remisi</translation>
    </message>
    <message>
        <source>Add as new</source>
        <translation>Tambah baru</translation>
    </message>
    <message>
        <source>Add the remission in the form to the ledger</source>
        <translation>Tambahkan remisi di formulir ke daftar remisi</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <source>Replace the selected remission with the form</source>
        <translation>Ganti remisi yang dipilih dengan isi formulir</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Remove the selected remission</source>
        <translation>Hapus remisi yang dipilih</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Kosongkan formulir</translation>
    </message>
    <message>
        <source>Choose a remission in the list to change or remove it. The dates are recomputed at once. Children receive a sentence reduction (PMP) instead of a remission.</source>
        <translation>Pilih remisi di daftar untuk mengubah atau menghapusnya. Tanggal langsung dihitung ulang. Anak menerima pengurangan masa pidana (PMP), bukan remisi.</translation>
    </message>
    <message>
        <source>This case uses the total remission from the SK (%1 days) instead of a ledger. To keep a ledger, remove the total on the Official dates tab.</source>
        <translation>Perkara ini memakai jumlah remisi dari SK (%1 hari), bukan daftar remisi. Untuk memakai daftar remisi, hapus jumlah itu di tab Tanggal resmi.</translation>
    </message>
</context>
<context>
    <name>ReportingSettingsDialog</name>
    <message>
        <source>Wajib lapor settings</source>
        <translation>Pengaturan wajib lapor</translation>
    </message>
    <message>
        <source>A period is missed once it has ended and the grace days have passed; a visit in the grace days is marked late and does not cancel the miss. Each step of the ladder is reached after so many misses in a row and is confirmed by the officer.</source>
        <translation>Periode dihitung tidak lapor setelah berakhir dan masa tenggang lewat; lapor dalam masa tenggang ditandai terlambat dan tidak menghapus ketidakhadiran itu. Setiap langkah tercapai setelah sekian kali berturut-turut tidak lapor dan dikonfirmasi oleh petugas.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>hari</translation>
    </message>
    <message>
        <source>Grace days</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>misses in a row</source>
        <translation>kali berturut-turut tidak lapor</translation>
    </message>
    <message>
        <source>Final step (revocation / report)</source>
        <translation>Langkah akhir (usul pencabutan / laporan)</translation>
    </message>
    <message>
        <source>After a visit the next miss starts again at the first step</source>
        <translation>Setelah klien lapor, ketidakhadiran berikutnya mulai lagi dari langkah pertama</translation>
    </message>
    <message>
        <source>Visits recorded here since</source>
        <translation>Wajib lapor dicatat di program ini sejak</translation>
    </message>
    <message>
        <source>Letter number: %1</source>
        <translation>Nomor surat: %1</translation>
    </message>
    <message>
        <source>Patterns: {seq}, {seq3}, {year}, {month}, {roman_month}, {program}, {register}.</source>
        <translation>Pola: {seq}, {seq3}, {year}, {month}, {roman_month}, {program}, {register}.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Reporting schedule</source>
        <translation>Jadwal wajib lapor</translation>
    </message>
    <message>
        <source>Every calendar month</source>
        <translation>Setiap bulan kalender</translation>
    </message>
    <message>
        <source>Every %1 week(s) from the start of guidance</source>
        <translation>Setiap %1 minggu sejak awal bimbingan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>The due day is a reminder, not a deadline: a visit anywhere in the period counts. For week blocks it is the weekday (1 Monday … 7 Sunday). The schedule applies to the whole guidance.</source>
        <translation>Hari jatuh tempo hanya pengingat, bukan batas: lapor kapan saja dalam periode tetap dihitung. Untuk blok mingguan isinya hari (1 Senin … 7 Minggu). Jadwal berlaku untuk seluruh masa bimbingan.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>Due day</source>
        <translation>Hari jatuh tempo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Making the demo file…</source>
        <translation>Membuat berkas demo…</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Welcome to Rekam UPT</source>
        <translation>Selamat datang di Rekam UPT</translation>
    </message>
    <message>
        <source>Choose a password for this program. It is asked when the program starts and after the computer has been idle. Write it down somewhere safe: without it the data cannot be opened from this program and encrypted backups cannot be read.</source>
        <translation>Tentukan kata sandi untuk program ini. Kata sandi diminta saat program dibuka dan setelah komputer lama tidak digunakan. Catat di tempat yang aman: tanpa kata sandi, data tidak dapat dibuka dari program ini dan cadangan terenkripsi tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>minimal %1 karakter</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Tetapkan kata sandi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All clients</source>
        <translation>Semua klien</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Perlu perhatian</translation>
    </message>
    <message>
        <source>No program</source>
        <translation>Tanpa program</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (nonaktif)</translation>
    </message>
    <message>
        <source>No officer assigned</source>
        <translation>Belum ada petugas</translation>
    </message>
    <message>
        <source>Officer (PK)</source>
        <translation>Petugas (PK)</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Tanpa kategori</translation>
    </message>
    <message>
        <source>%1 – %2: persons with a %1 program active today (tick “including ended” for past ones)</source>
        <translation>%1 – %2: orang dengan program %1 yang aktif hari ini (centang “termasuk yang sudah berakhir” untuk yang lalu)</translation>
    </message>
    <message>
        <source>Persons with no program active today (inmates, or guidance that has ended)</source>
        <translation>Orang tanpa program yang aktif hari ini (WBP, atau bimbingannya sudah berakhir)</translation>
    </message>
    <message>
        <source>%1: persons under this PK&apos;s supervision in a program active today</source>
        <translation>%1: orang yang dibimbing PK ini dalam program yang aktif hari ini</translation>
    </message>
    <message>
        <source>NIP %1</source>
        <translation>NIP %1</translation>
    </message>
    <message>
        <source>Programs active today without a supervising PK</source>
        <translation>Program aktif yang belum ada PK pembimbingnya</translation>
    </message>
    <message>
        <source>%1: persons whose case with a program active today is of this kind</source>
        <translation>%1: orang yang perkaranya (dengan program aktif hari ini) termasuk jenis ini</translation>
    </message>
    <message>
        <source>Cases without an offence category</source>
        <translation>Perkara tanpa jenis tindak pidana</translation>
    </message>
    <message>
        <source>Persons with a program whose status is “%1” (any date)</source>
        <translation>Orang dengan program berstatus “%1” (tanggal berapa pun)</translation>
    </message>
    <message>
        <source>Programs active today; tick “including ended” to count past ones too</source>
        <translation>Program yang aktif hari ini; centang “termasuk yang sudah berakhir” untuk ikut menghitung yang lalu</translation>
    </message>
    <message>
        <source>The supervising officer of each program active today</source>
        <translation>PK pembimbing setiap program yang aktif hari ini</translation>
    </message>
    <message>
        <source>Offence</source>
        <translation>Tindak pidana</translation>
    </message>
    <message>
        <source>The offence of the case behind each program active today</source>
        <translation>Tindak pidana perkara dari setiap program yang aktif hari ini</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The status of every program, current or past</source>
        <translation>Status setiap program, yang berjalan maupun yang lalu</translation>
    </message>
    <message>
        <source>Adult / child</source>
        <translation>Dewasa / anak</translation>
    </message>
    <message>
        <source>By age at the date of the offence (a child: 12 to under 18)</source>
        <translation>Menurut umur pada tanggal tindak pidana (anak: 12 sampai belum 18 tahun)</translation>
    </message>
    <message>
        <source>Register class</source>
        <translation>Kelas register</translation>
    </message>
    <message>
        <source>A.I–A.V detainees by the authority holding them; B.I–B.III convicts</source>
        <translation>A.I–A.V tahanan menurut instansi yang menahan; B.I–B.III narapidana</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Lists to act on: dates coming up, and records to check</source>
        <translation>Daftar yang perlu ditindaklanjuti: tanggal yang mendekat, dan data yang perlu diperiksa</translation>
    </message>
    <message>
        <source>Wajib lapor: who has not reported, who missed, the letters to confirm, guidance ending soon</source>
        <translation>Wajib lapor: siapa yang belum lapor, yang terlewat, surat yang perlu dikonfirmasi, bimbingan yang segera berakhir</translation>
    </message>
    <message>
        <source>Everyone in this file (%1 persons). Click to clear the groups chosen.</source>
        <translation>Semua orang di berkas ini (%1 orang). Klik untuk melepas kelompok yang dipilih.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>%1 persons</source>
        <translation>%1 orang</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(belum ada)</translation>
    </message>
    <message>
        <source>Find a group…</source>
        <translation>Cari kelompok…</translation>
    </message>
    <message>
        <source>Type part of a PK&apos;s name, a program or an offence to show only the groups that hold it (Esc clears)</source>
        <translation>Ketik sebagian nama PK, program atau tindak pidana untuk menampilkan kelompok yang memuatnya saja (Esc menghapus)</translation>
    </message>
    <message>
        <source>including those that ended</source>
        <translation>termasuk yang sudah berakhir</translation>
    </message>
    <message>
        <source>Unticked, the program, PK and offence groups hold only programs active today. Ticked, they also hold programs that have ended (completed, revoked, past their end date).</source>
        <translation>Tanpa centang, kelompok program, PK dan tindak pidana hanya memuat program yang aktif hari ini. Dengan centang, program yang sudah berakhir (selesai, dicabut, lewat tanggal akhir) ikut dimuat.</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Revocation stage</source>
        <translation>Tahap pencabutan</translation>
    </message>
    <message>
        <source>empty: proposed from the pattern in the settings</source>
        <translation>kosongkan: nomor diusulkan dari pola di pengaturan</translation>
    </message>
    <message>
        <source>After the provisional revocation, change the program&apos;s status to revoked (with the decree) in the client&apos;s details.</source>
        <translation>Setelah pencabutan sementara, ubah status program menjadi dicabut (dengan nomor SK) di rincian klien.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The file %1 does not exist. Create a new, empty Rekam UPT database there?</source>
        <translation>Berkas %1 tidak ada. Buat basis data Rekam UPT baru yang kosong di sana?</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>This database has no password yet and is read-only.</source>
        <translation>Basis data ini belum memiliki kata sandi dan hanya dapat dibaca.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>This program is no longer in the file.</source>
        <translation>Program ini sudah tidak ada di berkas.</translation>
    </message>
    <message>
        <source>Program %1, register %2, now: %3</source>
        <translation>Program %1, register %2, saat ini: %3</translation>
    </message>
    <message>
        <source>letter or decree (SK) number</source>
        <translation>nomor surat atau SK</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Letter / SK number</source>
        <translation>Nomor surat / SK</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>End the program early?</source>
        <translation>Akhiri program lebih awal?</translation>
    </message>
    <message>
        <source>The %1 guidance runs until %2. Record it as completed on %3, %4 days early?</source>
        <translation>Bimbingan %1 ini berjalan sampai %2. Catat selesai pada %3, %4 hari lebih awal?</translation>
    </message>
    <message>
        <source>Yes, completed early</source>
        <translation>Ya, selesai lebih awal</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Confirm the escalation step</source>
        <translation>Konfirmasi langkah tindak lanjut</translation>
    </message>
    <message>
        <source>%1 (%2) has missed %3 periods in a row.</source>
        <translation>%1 (%2) sudah %3 kali berturut-turut tidak lapor.</translation>
    </message>
    <message>
        <source>Last missed: %1.</source>
        <translation>Terakhir tidak lapor: %1.</translation>
    </message>
    <message>
        <source>No step is waiting.</source>
        <translation>Tidak ada langkah yang menunggu.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Tanggal surat</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Konfirmasi</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Photo from a file…</source>
        <translation>Foto dari berkas…</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Program:</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Jadwal…</translation>
    </message>
    <message>
        <source>Excused absence…</source>
        <translation>Izin tidak lapor…</translation>
    </message>
    <message>
        <source>Confirm the step…</source>
        <translation>Konfirmasi langkah…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Lapor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Cara</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>New guidance note…</source>
        <translation>Catatan bimbingan baru…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Koreksi…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Revocation stage…</source>
        <translation>Tahap pencabutan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Wajib lapor and notes: %1</source>
        <translation>Wajib lapor dan catatan: %1</translation>
    </message>
    <message>
        <source>no photo</source>
        <translation>tanpa foto</translation>
    </message>
    <message>
        <source>Working now</source>
        <translation>Bekerja saat ini</translation>
    </message>
    <message>
        <source>entri susulan</source>
        <translation>entri susulan</translation>
    </message>
    <message>
        <source>extra contact</source>
        <translation>kontak tambahan</translation>
    </message>
    <message>
        <source>late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>corrected: %1</source>
        <translation>dikoreksi: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>dihapus: %1</translation>
    </message>
    <message>
        <source>Reported (%1)</source>
        <translation>Lapor (%1)</translation>
    </message>
    <message>
        <source>Excused absence (%1)</source>
        <translation>Izin tidak lapor (%1)</translation>
    </message>
    <message>
        <source>%1 missed in a row</source>
        <translation>%1 kali berturut-turut tidak lapor</translation>
    </message>
    <message>
        <source>follow up on %1</source>
        <translation>tindak lanjut %1</translation>
    </message>
    <message>
        <source>Guidance note</source>
        <translation>Catatan perkembangan bimbingan</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Guidance starts (%1)</source>
        <translation>Awal bimbingan (%1)</translation>
    </message>
    <message>
        <source>Guidance ends (%1)</source>
        <translation>Akhir bimbingan (%1)</translation>
    </message>
    <message>
        <source>No guidance program with a start date.</source>
        <translation>Belum ada program bimbingan dengan tanggal mulai.</translation>
    </message>
    <message>
        <source>%1 of %2 periods reported</source>
        <translation>%1 dari %2 periode lapor</translation>
    </message>
    <message>
        <source>Confirm: %1…</source>
        <translation>Konfirmasi: %1…</translation>
    </message>
    <message>
        <source>+%1 extra</source>
        <translation>+%1 kontak tambahan</translation>
    </message>
    <message>
        <source>It stays in the history, marked removed with the reason, and no longer counts.</source>
        <translation>Data tetap ada di riwayat, ditandai dihapus beserta alasannya, dan tidak dihitung lagi.</translation>
    </message>
    <message>
        <source>Stages belong to a proposal to revoke.</source>
        <translation>Tahap hanya untuk usul pencabutan.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Pilih foto</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Remove this person&apos;s photo?</source>
        <translation>Hapus foto orang ini?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Correct a visit</source>
        <translation>Koreksi data lapor</translation>
    </message>
    <message>
        <source>why it is corrected (kept in the history)</source>
        <translation>mengapa dikoreksi (disimpan di riwayat)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Cara lapor</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bekerja</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation>Alasan koreksi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
</TS>
