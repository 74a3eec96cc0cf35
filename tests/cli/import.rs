//! `pcscore import`: the corpus of bad downloads in `tests/data/bad-import/`, one defect
//! each, and the import of the shipped samples in `examples/partner-center/`.
//!
//! Every bad download gives exit 2, nothing on stdout, one message naming the file, the
//! line, the column and the value, and nothing written: each is run with `--output`, and
//! the `Test` builder fails when the folder changed.

use crate::{data, Test};
use std::path::Path;
use std::process::Command;

/// Runs the import of one bad download and checks the whole message.
fn refused(file: &str, option: &str, message: &str) {
    Test::new()
        .file(file, data(&format!("bad-import/{file}")))
        .args(&[
            "import", option, file, "--as-of", "2026-10", "--output", "out.yaml",
        ])
        .stderr(format!("error: {message}\n"))
        .status(2)
        .stdout("")
        .run();
}

macro_rules! bad_downloads {
    ($($name:ident: $file:literal $option:literal => $message:literal;)*) => {
        /// Every file of the corpus, as listed in the table.
        const CORPUS: &[&str] = &[$($file),*];
        $(
            #[test]
            fn $name() {
                refused($file, $option, $message);
            }
        )*
    };
}

bad_downloads! {
    amount_in_exponent_form: "amount-in-exponent-form.csv" "--azure-usage" =>
        "amount-in-exponent-form.csv:2: ACR_USD: found `1e3`, expected a plain decimal amount of USD such as `1200.50` or `-3.10` (no thousands separators, at most 15 whole digits and 10 decimals)";
    bad_amount: "bad-amount.csv" "--azure-usage" =>
        "bad-amount.csv:2: ACR_USD: found `1,200.50`, expected a plain decimal amount of USD such as `1200.50` or `-3.10` (no thousands separators, at most 15 whole digits and 10 decimals)";
    bad_date: "bad-date.csv" "--azure-usage" =>
        "bad-date.csv:3: Month: found `10/1/2026`, expected a month as `YYYY-MM` or the first day of a month `YYYY-MM-01`";
    bad_duplicate_flag: "bad-duplicate-flag.csv" "--azure-usage" =>
        "bad-duplicate-flag.csv:2: IsACRDuplicateAtMPNLevel: found `maybe`, expected `1` or `0` (or true, false, blank)";
    binary: "binary.csv" "--azure-usage" =>
        "binary.csv:1: found binary data (not UTF-8 text), expected a CSV or TSV download (UTF-8 text)";
    empty: "empty.csv" "--azure-usage" =>
        "empty.csv: found an empty file, expected a CSV or TSV download starting with its header line";
    header_only: "header-only.csv" "--azure-usage" =>
        "header-only.csv:1: found a header and no rows, expected at least one row of Azure usage";
    mid_month: "mid-month.csv" "--azure-usage" =>
        "mid-month.csv:2: Month: found `2026-10-15`, expected a month as `YYYY-MM` or the first day of a month `YYYY-MM-01`";
    missing_column: "missing-column.csv" "--azure-usage" =>
        "missing-column.csv:1: found no column `ACR_USD` in the header, expected the columns of an Azure usage download (`ACR_USD` is needed; names are matched case-insensitively)";
    m365_bad_date_associated: "m365-bad-date-associated.csv" "--m365-usage" =>
        "m365-bad-date-associated.csv:2: DateAssociated: found `3/17/2026`, expected an ISO date `YYYY-MM-DD` (a `THH:MM:SS` part is dropped)";
    m365_fractional_licences: "m365-fractional-licences.csv" "--m365-usage" =>
        "m365-fractional-licences.csv:3: PaidAvailableUnits: found `12.5`, expected a whole number of 0 or more, such as `250`";
    m365_header_only: "m365-header-only.csv" "--m365-usage" =>
        "m365-header-only.csv:1: found a header and no rows, expected at least one row of Microsoft 365 usage";
    m365_missing_column: "m365-missing-column.csv" "--m365-usage" =>
        "m365-missing-column.csv:1: found no column `MonthlyActiveUsers` in the header, expected the columns of a Microsoft 365 usage download (`MonthlyActiveUsers` is needed; names are matched case-insensitively)";
    m365_negative_users: "m365-negative-users.csv" "--m365-usage" =>
        "m365-negative-users.csv:2: MonthlyActiveUsers: found `-3`, expected a whole number of 0 or more, such as `250`";
    m365_same_row_twice: "m365-same-row-twice.csv" "--m365-usage" =>
        "m365-same-row-twice.csv:3: WorkloadName: found `Exchange Online` for tenant `AAAAAAAA-1111-4000-8000-000000000001` in 2026-10 again (first on line 2), expected one row per tenant, workload and month (IMPORT.OVERLAP)";
    m365_unmapped_workload: "m365-unmapped-workload.csv" "--m365-usage" =>
        "m365-unmapped-workload.csv:3: WorkloadName: found 1 value no table maps, expected one the import knows; map each with --workload 'NAME=SLUG' (a workload slug of docs/rules.md) or --workload 'NAME=ignore' to leave its rows out\n  `Skype for Business`: 2 rows, first on line 3";
    negative_month: "negative-month.csv" "--azure-usage" =>
        "negative-month.csv:2: ACR_USD: found a total of -50.00 USD for tenant `aaaaaaaa-1111-4000-8000-000000000001` in 2026-10, expected a customer's month total of 0 or more (credits may not exceed consumption)";
    not_utf8: "not-utf8.csv" "--azure-usage" =>
        "not-utf8.csv:2: CustomerName: found bytes that are not UTF-8 text, expected UTF-8 text";
    segment_conflict: "segment-conflict.csv" "--azure-usage" =>
        "segment-conflict.csv:3: CustomerSegment: found values mapping to enterprise and smb for tenant `aaaaaaaa-1111-4000-8000-000000000001` in 2026-10, its latest month, expected one segment per customer in its latest month";
    trainings_bad_expiry: "trainings-bad-expiry.csv" "--trainings" =>
        "trainings-bad-expiry.csv:2: ExpirationDate: found `01/01/2026`, expected an ISO date `YYYY-MM-DD` (a `THH:MM:SS` part is dropped) or blank for no expiry";
    trainings_given_as_azure_usage: "trainings-given-as-azure-usage.csv" "--azure-usage" =>
        "trainings-given-as-azure-usage.csv:1: found the header of a trainings and certifications download, expected the header of an Azure usage download (the kind comes from the header)";
    trainings_missing_expiration: "trainings-missing-expiration.csv" "--trainings" =>
        "trainings-missing-expiration.csv:1: found no column `ExpirationDate` in the header, expected the columns of a trainings and certifications download (`ExpirationDate` is needed; names are matched case-insensitively)";
    trainings_unknown_type: "trainings-unknown-type.csv" "--trainings" =>
        "trainings-unknown-type.csv:2: TrainingType: found 1 value no table maps, expected one the import knows; `Certification` rows are read and `Exam`, `Course`, `Training` and `Assessment` rows skipped; no option maps other types\n  `Badge`: 2 rows, first on line 2";
    trainings_without_address: "trainings-without-address.csv" "--trainings" =>
        "trainings-without-address.csv:1: found no column `CorpEmail`, `Email` or `MCPID` in the header, expected one of them, to tell people apart";
    unmapped_attribution: "unmapped-attribution.csv" "--azure-usage" =>
        "unmapped-attribution.csv:2: PartnerAttributionType: found 1 value no table maps, expected one the import knows; map each with --attribution 'VALUE=CODE' (PAL, DPOR, CSP, CPOR...) or --attribution 'VALUE=none' to keep its rows out\n  `Reseller of record`: 1 row, first on line 2";
    unmapped_segment: "unmapped-segment.csv" "--azure-usage" =>
        "unmapped-segment.csv:2: CustomerSegment: found 2 values no table maps, expected one the import knows; map each with --segment 'VALUE=smb|smc|enterprise'\n  `Mid-Market`: 2 rows, first on line 2\n  `Growth`: 1 row, first on line 4";
}

#[test]
fn every_bad_download_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad-import");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/data/bad-import")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<&str> = CORPUS.to_vec();
    listed.sort_unstable();
    assert_eq!(files, listed);
}

#[test]
fn an_unknown_workload_slug_in_an_option_is_refused_before_reading() {
    Test::new()
        .file("m365.csv", data("bad-import/m365-unmapped-workload.csv"))
        .args(&[
            "import",
            "--m365-usage",
            "m365.csv",
            "--workload",
            "Skype for Business=skype",
        ])
        .stderr("error: --workload: found `Skype for Business=skype`, expected NAME=SLUG with SLUG a workload slug (such as `exchange-online`, `teams`; docs/rules.md lists them) or NAME=ignore\n")
        .stdout("")
        .status(2)
        .run();
}

#[test]
fn an_unmapped_segment_imports_once_mapped() {
    Test::new()
        .file("u.csv", data("bad-import/unmapped-segment.csv"))
        .args(&[
            "import",
            "--azure-usage",
            "u.csv",
            "--segment",
            "mid-market=smc",
            "--segment",
            "Growth=smb",
        ])
        .stdout_contains("  - id: contoso  # Contoso, tenant aaaaaaaa-1111-4000-8000-000000000001\n    segment: smc\n")
        .stdout_contains("  - id: fabrikam  # Fabrikam, tenant aaaaaaaa-1111-4000-8000-000000000002\n    segment: smb\n")
        .run();
}

fn samples() -> [&'static str; 6] {
    [
        "--azure-usage",
        "examples/partner-center/AzureUsage.csv",
        "--trainings",
        "examples/partner-center/Trainings.csv",
        "--segment",
        "Mid-Market=smc",
    ]
}

fn pcscore(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pcscore runs")
}

/// The shipped `partner.yaml` is what importing the shipped downloads gives, so the
/// README's score, explain and plan of it are the walk-through's.
#[test]
fn the_shipped_partner_file_is_the_import_of_the_shipped_downloads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["import"];
    args.extend(samples());
    let out = pcscore(root, &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shipped = std::fs::read(root.join("examples/partner-center/partner.yaml"))
        .expect("examples/partner-center/partner.yaml");
    assert!(
        out.stdout == shipped,
        "re-import differs from the shipped partner.yaml"
    );
}

#[test]
fn output_is_written_once_and_replaced_only_with_force() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("pcscore-import-output-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let azure = root.join("examples/partner-center/AzureUsage.csv");
    let azure = azure.to_str().expect("utf-8 path");
    let base = [
        "import",
        "--azure-usage",
        azure,
        "--segment",
        "Mid-Market=smc",
        "--output",
        "p.yaml",
    ];
    let first = pcscore(&dir, &base);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(first.stdout.is_empty());
    let written = std::fs::read(dir.join("p.yaml")).expect("written");
    std::fs::write(dir.join("p.yaml"), "kept\n").expect("overwrite");
    let again = pcscore(&dir, &base);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        "error: p.yaml: found an existing file, expected a new one (use --force to replace it)\n"
    );
    assert_eq!(std::fs::read(dir.join("p.yaml")).expect("read"), b"kept\n");
    let mut forced = base.to_vec();
    forced.push("--force");
    let third = pcscore(&dir, &forced);
    assert_eq!(third.status.code(), Some(0));
    assert!(
        std::fs::read(dir.join("p.yaml")).expect("read") == written,
        "re-import differs"
    );
    let score = pcscore(&dir, &["score", "p.yaml"]);
    assert_eq!(
        score.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
