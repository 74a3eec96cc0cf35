//! The import's rules as a clause catalogue, so `pcscore coverage` counts the features
//! that cite them as it counts the rulebook's.

/// Each `IMPORT.*` rule: id, the section of the import spec, and the rule in short.
pub const CLAUSES: &[(&str, &str, &str)] = &[
    ("IMPORT.ROWS", "Importing Partner Center downloads", "Azure usage rows marked IsACRDuplicateAtMPNLevel = 1 and rows with ACR 0 are skipped."),
    ("IMPORT.CUSTOMER", "Importing Partner Center downloads", "One customer per tenant id; its id is the slug of its latest name, with the tenant id's first 8 characters where slugs collide."),
    ("IMPORT.SEGMENT", "Importing Partner Center downloads", "CustomerSegment maps through a shipped table and --segment; unmapped values and conflicting values in the latest month stop the import."),
    ("IMPORT.ATTRIBUTION", "Importing Partner Center downloads", "PartnerAttributionType maps to codes or to none through a shipped table and --attribution; ACR is attributed row by row."),
    ("IMPORT.KEPT", "Importing Partner Center downloads", "Only rows in the window, not duplicates, with ACR other than 0 and a type that maps to a code feed acr, attribution and deployments."),
    ("IMPORT.DEPLOYMENTS", "Importing Partner Center downloads", "One deployment per customer and ServiceLevel2 with ACR above 0 in the trailing twelve months, dated its latest such month."),
    ("IMPORT.PEOPLE", "Importing Partner Center downloads", "One person per address; Certification rows read, Exam, Course, Training and Assessment rows skipped; titles mapped to the rulebook's slugs."),
    ("IMPORT.DATES", "Importing Partner Center downloads", "Dates are ISO; a Month is YYYY-MM or the first day of a month; other forms stop the import."),
    ("IMPORT.WINDOW", "Importing Partner Center downloads", "Only the 24 months up to the as-of month are written; later rows are ignored with a note."),
    ("IMPORT.OUTPUT", "Importing Partner Center downloads", "A partner file with a header naming each source, its rows and the rows skipped; written atomically, never over a file without --force."),
    ("IMPORT.ROUNDTRIP", "Importing Partner Center downloads", "The imported file scores as the same data written by hand, and importing twice gives the same bytes."),
    ("IMPORT.SERVICES", "Importing Partner Center downloads", "acr_by_service holds each customer's kept sums split by ServiceLevel2."),
    ("IMPORT.WORKLOADS", "Importing Partner Center downloads", "WorkloadName maps to a workload slug by the workload table's names and --workload; unmapped names stop the import."),
    ("IMPORT.OVERLAP", "Importing Partner Center downloads", "A download's kind comes from its header; the same tenant, workload and month twice stops the import; DateAssociated gives CPOR its since."),
];
