//! Messages of file sizes checked before reading and of long verification in slices with progress (issue 12, item 4):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    ("files.too_large.plan", "Fails ir {size} liels, bet plāna fails drīkst būt ne lielāks par {limit}, tāpēc tas netika nolasīts. Plāna fails parasti ir daudz mazāks.", "The file is {size}, but a plan file may be at most {limit}, so it was not read. A plan file is usually much smaller."),
    ("files.too_large.exchange", "Fails ir {size} liels, bet anketas vai prioritāšu fails drīkst būt ne lielāks par {limit}, tāpēc tas netika nolasīts. Izvēlieties failu, kas lejupielādēts ar eksportēšanas pogu.", "The file is {size}, but a questionnaire or ranking file may be at most {limit}, so it was not read. Choose the file that was downloaded with the export button."),
    ("files.too_large.key", "Fails ir {size} liels, bet atslēgas fails drīkst būt ne lielāks par {limit}, tāpēc tas netika nolasīts. Atslēgas fails ir tikai dažas rindas garš.", "The file is {size}, but a key file may be at most {limit}, so it was not read. A key file is only a few lines long."),
    ("files.too_large.backup", "Fails ir {size} liels, bet lietas fails vai rezerves kopija drīkst būt ne lielāka par {limit}, tāpēc tas netika nolasīts. Izvēlieties failu, ko saglabāja šī lietotne.", "The file is {size}, but a case file or backup may be at most {limit}, so it was not read. Choose a file that this app saved."),
    ("verify.progress.reading", "Nolasa failu: {percent} %…", "Reading the file: {percent} %…"),
    ("verify.progress.parsing", "Nolasa plāna saturu: {percent} %…", "Reading the plan's contents: {percent} %…"),
    ("verify.progress.hashing", "Aprēķina plāna kontrolsummu: {percent} %…", "Computing the plan's checksum: {percent} %…"),
    ("verify.progress.signatures", "Pārbauda parakstus: {done} no {count}…", "Checking the signatures: {done} of {count}…"),
    ("verify.progress.recompute", "Pārrēķina plānu, lai salīdzinātu rezultātu…", "Recomputing the plan to compare the result…"),
    ("verify.progress.plan", "Sagatavo plāna pārskatu…", "Preparing the plan's summary…"),
    ("verify.progress.label", "Pārbaudes gaita", "Verification progress"),
];
