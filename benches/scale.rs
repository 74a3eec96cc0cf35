//! The scale benchmark: `cargo bench --bench scale`.
//!
//! Generates 10,000 small scenarios (each with an expected card worked out by an
//! independent reading of the rules, see `scale/generate.rs`) and one partner file of
//! 100,000 customers x 24 months, then measures with the release binary:
//!
//! - `pcscore check` over 1,000 and over 10,000 scenarios (target: 10,000 under 1 s);
//! - `pcscore score BIG --format json` (target: under 1 s, peak memory under 3x the file);
//! - `pcscore plan --format json` on the same big file, on a partner of as many
//!   customers a few actions from the designation (the planner climbs every ladder), and
//!   on a partner with 200,000 deployments (target: a small multiple of `score`'s time,
//!   nothing quadratic, peak memory under about 3 to 4x the file);
//! - `cargo test --test features` with `PCSCORE_SCENARIOS` on 1,000 and 10,000 scenarios
//!   (cucumber; the per-scenario cost must not grow with the count).
//!
//! Wall times are the median of `PCSCORE_BENCH_RUNS` runs (default 3), peak memory the
//! largest maximum resident set size `/usr/bin/time` reports. Nothing here is a pass/fail
//! timing test: it fails only when a command fails or a scenario does not match.
//!
//! Settings, by environment: `PCSCORE_BENCH_DIR` keeps the data there (default: a
//! folder under the system temp dir, reused when its files are complete),
//! `PCSCORE_BENCH_SCENARIOS` (10000), `PCSCORE_BENCH_CUSTOMERS` (100000),
//! `PCSCORE_BENCH_DEPLOYMENTS` (200000), `PCSCORE_BENCH_RUNS` (3),
//! `PCSCORE_BENCH_CUCUMBER=0` skips the cucumber runs.

#[path = "scale/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    // `cargo bench` passes `--bench`. Run any other way (`cargo test --benches`), it is
    // a smoke test: a few hundred scenarios and a small partner in a folder of its own,
    // removed afterwards.
    let full = std::env::args().any(|a| a == "--bench");
    let (count, customers, deployments, runs, import_rows, tenants) = if full {
        (10_000, 100_000, 200_000, 3, 1_000_000, 50_000)
    } else {
        (300, 1_000, 2_000, 1, 5_000, 500)
    };
    let tenants = setting("PCSCORE_BENCH_TENANTS", tenants);
    let import_rows = setting("PCSCORE_BENCH_IMPORT_ROWS", import_rows);
    let count = setting("PCSCORE_BENCH_SCENARIOS", count);
    let customers = setting("PCSCORE_BENCH_CUSTOMERS", customers);
    let deployments = setting("PCSCORE_BENCH_DEPLOYMENTS", deployments);
    let runs = setting("PCSCORE_BENCH_RUNS", runs).max(1);
    let cucumber = full && std::env::var("PCSCORE_BENCH_CUCUMBER").as_deref() != Ok("0");
    let scratch = std::env::temp_dir().join(format!("pcscore-bench-smoke-{}", std::process::id()));
    let dir = match std::env::var_os("PCSCORE_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None if full => std::env::temp_dir().join("pcscore-bench"),
        None => scratch.clone(),
    };
    let sizes = Sizes {
        count,
        customers,
        deployments,
        import_rows,
        tenants,
    };
    let result = measure_all(&dir, &sizes, runs, cucumber);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// How much data to generate.
struct Sizes {
    /// Small scenarios for `check`.
    count: usize,
    /// Customers of the big partner.
    customers: usize,
    /// Deployments of the deployments partner.
    deployments: usize,
    /// Rows of the Azure usage download `import` reads.
    import_rows: usize,
    /// Modern Work tenants (5 workloads x 24 months each) for loading workloads.
    tenants: usize,
}

/// Customers of the deployments partner: enough for the deployments to spread over,
/// few enough that the deployments are most of the file.
const DEPLOYMENT_CUSTOMERS: usize = 2_000;

fn measure_all(dir: &Path, sizes: &Sizes, runs: usize, cucumber: bool) -> Result<(), String> {
    let (count, customers) = (sizes.count, sizes.customers);
    let bin = Path::new(env!("CARGO_BIN_EXE_pcscore"));
    generate::self_check()?;

    println!("# pcscore scale benchmark\n");
    println!("{}", machine());
    println!("binary: {}", bin.display());
    println!("data: {}\n", dir.display());

    let small = count.min(1_000);
    let sets: Vec<usize> = if small < count {
        vec![small, count]
    } else {
        vec![count]
    };
    let started = Instant::now();
    for &n in &sets {
        scenarios(&dir.join(format!("scenarios-{n}")), n)?;
    }
    let big = dir.join(format!("partner-{customers}x24.yaml"));
    big_file(&big, |out| generate::big_partner(customers, 24, out))?;
    let big_size = std::fs::metadata(&big).map_err(|e| e.to_string())?.len();
    let near = dir.join(format!("near-{customers}x24.yaml"));
    big_file(&near, |out| generate::near_partner(customers, out))?;
    let near_size = std::fs::metadata(&near).map_err(|e| e.to_string())?.len();
    let deployed = dir.join(format!("deployments-{}.yaml", sizes.deployments));
    big_file(&deployed, |out| {
        generate::many_deployments(DEPLOYMENT_CUSTOMERS, sizes.deployments, out)
    })?;
    let deployed_size = std::fs::metadata(&deployed)
        .map_err(|e| e.to_string())?
        .len();
    println!(
        "generated in {:.1} s; big file {:.1} MB, deployments file {:.1} MB\n",
        started.elapsed().as_secs_f64(),
        big_size as f64 / 1e6,
        deployed_size as f64 / 1e6
    );

    println!("| what | wall (median of {runs}) | CPU user+sys | peak RSS | wall per scenario |");
    println!("|---|---|---|---|---|");
    for &n in &sets {
        let folder = dir.join(format!("scenarios-{n}"));
        let m = measure(runs, || {
            let mut c = Command::new(bin);
            c.arg("check").arg(&folder);
            c
        })?;
        m.expect_summary(n)?;
        m.row(&format!("`pcscore check` {n} scenarios"), Some(n));
    }
    let m = measure(runs, || {
        let mut c = Command::new(bin);
        c.args(["score", "--format", "json"]).arg(&big);
        c
    })?;
    m.row(
        &format!(
            "`pcscore score --format json` {customers} customers x 24 months ({:.1} MB)",
            big_size as f64 / 1e6
        ),
        None,
    );
    if let Some(kb) = m.peak_kb {
        println!(
            "\npeak RSS / file size for `score`: {:.1}x (target under 3x)",
            (kb * 1024) as f64 / big_size as f64
        );
    }
    modern_work(bin, dir, sizes.tenants, runs)?;
    plan(
        bin,
        runs,
        &[
            (&big, format!("{customers} customers x 24 months"), big_size),
            (
                &near,
                format!("{customers} customers x 24 months, a few actions short"),
                near_size,
            ),
            (
                &deployed,
                format!(
                    "{} deployments, {DEPLOYMENT_CUSTOMERS} customers",
                    sizes.deployments
                ),
                deployed_size,
            ),
        ],
    )?;
    import(
        bin,
        &dir.join(format!("azure-usage-{}.csv", sizes.import_rows)),
        sizes.import_rows,
        runs,
    )?;

    if cucumber {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        println!("\ncucumber (`cargo test --test features`, cargo's own start-up included):\n");
        for release in [false, true] {
            let mut build = Command::new(&cargo);
            build
                .current_dir(root)
                .args(["test", "--test", "features", "--no-run", "--quiet"]);
            if release {
                build.arg("--release");
            }
            let built = build.status().map_err(|e| format!("{cargo}: {e}"))?;
            if !built.success() {
                return Err("cargo test --test features --no-run failed".into());
            }
        }
        println!(
            "| what | wall (median of {runs}) | CPU user+sys | peak RSS | wall per scenario |"
        );
        println!("|---|---|---|---|---|");
        let shipped = measure(runs, || cargo_test(&cargo, root, None, false))?;
        let base = shipped.passed();
        shipped.row(
            &format!("features/ and the shipped scenarios/ ({base} cucumber scenarios)"),
            None,
        );
        let features = base.saturating_sub(count_yaml(&root.join("scenarios")));
        for (release, &n) in sets
            .iter()
            .map(|n| (false, n))
            .chain(std::iter::once((true, &count)))
        {
            let folder = dir.join(format!("scenarios-{n}"));
            let m = measure(runs, || cargo_test(&cargo, root, Some(&folder), release))?;
            if m.passed() != n + features || !m.failed_zero() {
                return Err(format!(
                    "cucumber over {n} generated scenarios: expected {} passed, 0 failed; got `{}`",
                    n + features,
                    m.summary
                ));
            }
            m.row(
                &format!(
                    "features/ and {n} generated scenarios ({features} + {n}){}",
                    if release { ", `--release`" } else { "" }
                ),
                Some(n),
            );
        }
    }
    Ok(())
}

/// `pcscore score --format json` on a Modern Work partner's workloads (issue 8: 50,000
/// tenants x 5 workloads x 24 months, target under 1 s and 3x the file in memory).
fn modern_work(bin: &Path, dir: &Path, tenants: usize, runs: usize) -> Result<(), String> {
    let file = dir.join(format!("modern-work-{tenants}x5x24.yaml"));
    big_file(&file, |out| generate::modern_work_partner(tenants, out))?;
    let size = std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
    let m = measure(runs, || {
        let mut c = Command::new(bin);
        c.args(["score", "--format", "json"]).arg(&file);
        c
    })?;
    m.row(
        &format!(
            "`pcscore score --format json` {tenants} tenants x 5 workloads x 24 months, \
             loaded (a default-designation file; {:.1} MB)",
            size as f64 / 1e6
        ),
        None,
    );
    if let Some(kb) = m.peak_kb {
        println!(
            "\npeak RSS / file size for the workloads file: {:.1}x (target under 3x)",
            (kb * 1024) as f64 / size as f64
        );
    }
    Ok(())
}

/// `pcscore plan --format json` on each file, with its peak memory against its size.
fn plan(bin: &Path, runs: usize, files: &[(&Path, String, u64)]) -> Result<(), String> {
    println!("\n`pcscore plan --format json`:\n");
    println!("| what | wall (median of {runs}) | CPU user+sys | peak RSS | wall per scenario |");
    println!("|---|---|---|---|---|");
    let mut ratios = Vec::new();
    for (file, what, size) in files {
        let m = measure(runs, || {
            let mut c = Command::new(bin);
            c.args(["plan", "--format", "json"]).arg(file);
            c
        })?;
        m.row(
            &format!(
                "`pcscore plan --format json` {what} ({:.1} MB)",
                *size as f64 / 1e6
            ),
            None,
        );
        if let Some(kb) = m.peak_kb {
            ratios.push(format!("{what}: {:.1}x", (kb * 1024) as f64 / *size as f64));
        }
    }
    if !ratios.is_empty() {
        println!(
            "\npeak RSS / file size for `plan`: {} (target under about 3 to 4x)",
            ratios.join(", ")
        );
    }
    Ok(())
}

fn cargo_test(cargo: &str, root: &Path, scenarios: Option<&Path>, release: bool) -> Command {
    let mut c = Command::new(cargo);
    c.current_dir(root)
        .args(["test", "--quiet", "--test", "features"]);
    if release {
        c.arg("--release");
    }
    if let Some(dir) = scenarios {
        c.env("PCSCORE_SCENARIOS", dir);
    }
    c
}

fn count_yaml(dir: &Path) -> usize {
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                n += count_yaml(&p);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
                n += 1;
            }
        }
    }
    n
}

/// Writes `n` scenarios, 100 to a folder, unless the folder already holds them all.
fn scenarios(dir: &Path, n: usize) -> Result<(), String> {
    let done = dir.join(".complete");
    if done.exists() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    for i in 0..n {
        let folder = dir.join(format!("part-{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let s = generate::scenario(i, 0x5ca1e);
        let file = folder.join(format!("partner-{i:05}.yaml"));
        std::fs::write(&file, s.yaml).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    std::fs::write(&done, "").map_err(|e| e.to_string())
}

/// Writes a generated file unless it is there already (a partial one is never kept).
fn big_file(
    file: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<(), String> {
    if file.exists() {
        return Ok(());
    }
    let partial = file.with_extension("partial");
    let out = std::fs::File::create(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    let mut out = std::io::BufWriter::new(out);
    write(&mut out)
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(|e| e.to_string())?;
    std::fs::rename(&partial, file).map_err(|e| e.to_string())
}

struct Measured {
    wall: f64,
    /// User plus system CPU seconds, median: on a busy shared machine this moves less
    /// than the wall time does.
    cpu: Option<f64>,
    peak_kb: Option<u64>,
    summary: String,
}

impl Measured {
    fn row(&self, what: &str, per: Option<usize>) {
        let peak = self.peak_kb.map_or("n/a".to_string(), |kb| {
            format!("{:.1} MB", kb as f64 / 1024.0)
        });
        let per = per.map_or("".to_string(), |n| {
            format!("{:.1} µs", self.wall * 1e6 / n as f64)
        });
        let cpu = self.cpu.map_or("n/a".to_string(), |c| format!("{c:.2} s"));
        println!("| {what} | {:.3} s | {cpu} | {peak} | {per} |", self.wall);
    }

    /// The number before ` passed` in the closing `N passed, N failed` line.
    fn passed(&self) -> usize {
        self.summary
            .split(" passed")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    fn failed_zero(&self) -> bool {
        self.summary.contains(", 0 failed")
    }

    fn expect_summary(&self, n: usize) -> Result<(), String> {
        if self.passed() == n && self.failed_zero() {
            Ok(())
        } else {
            Err(format!(
                "expected `{n} passed, 0 failed`, got `{}`",
                self.summary
            ))
        }
    }
}

/// `pcscore import` of an Azure usage download of `rows` rows (20,000 customers, one
/// service each, 26 months, a quarter through an ineligible type, 2% duplicates; about
/// 340 bytes a row): target under 5 s for 1,000,000 rows, memory bounded by the
/// distinct customers, months and services, not by the rows.
fn import(bin: &Path, file: &Path, rows: usize, runs: usize) -> Result<(), String> {
    big_file(file, |out| {
        use std::io::Write as _;
        let services = [
            "Azure App Service",
            "Azure SQL Database",
            "Azure Kubernetes Service",
            "Storage",
            "Azure Functions",
            "Virtual Machines",
            "Azure Monitor",
            "Azure Cosmos DB",
        ];
        let types = [
            "Partner Admin Link",
            "CSP Tier 2",
            "Digital Partner of Record",
            "Transacting Partner of Record",
        ];
        let segments = ["SMB", "Corporate", "Enterprise"];
        writeln!(out, "PartnerID,PartnerName,PGAPartnerID,PGAPartnerName,CustomerTenantId,CustomerName,CustomerSegment,CustomerCountry,Month,ServiceLevel1,ServiceLevel2,ServiceLevel3,ServiceLevel4,PartnerAttributionType,ACR_USD,IsACRDuplicateAtMPNLevel,SubscriptionId,ResourceGroup,MeterCategory,MeterSubCategory")?;
        for i in 0..rows {
            let c = i % 20_000;
            let m = (i / 20_000) % 26 + 8;
            writeln!(
                out,
                "4123456,Blue Yonder Cloud,4123400,Blue Yonder Holdings,{c:08x}-1111-4000-8000-{c:012x},Customer number {c} Limited,{},United States,{}-{:02}-01,Azure,{},Standard tier,Pay as you go,{},{}.{:02},{},{:08x}-aaaa-bbbb-cccc-{i:012x},rg-production-{},Compute,D2s v3 West Europe and some more words here",
                segments[c % 3],
                2024 + m / 12,
                m % 12 + 1,
                services[i % 8],
                types[c % 4],
                (i * 37) % 1000,
                i % 100,
                u8::from(i % 50 == 0),
                i % 997,
                c % 50,
            )?;
        }
        Ok(())
    })?;
    let size = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    println!("\n`pcscore import` (Azure usage download):\n");
    println!("| what | wall (median of {runs}) | CPU user+sys | peak RSS | wall per row |");
    println!("|---|---|---|---|---|");
    let m = measure(runs, || {
        let mut c = Command::new(bin);
        c.args(["import", "--azure-usage"]).arg(file);
        c
    })?;
    m.row(
        &format!(
            "`pcscore import --azure-usage` {rows} rows ({:.1} MB)",
            size as f64 / 1e6
        ),
        Some(rows),
    );
    Ok(())
}

/// Runs a command `runs` times under /usr/bin/time (when present); the median wall
/// time, the largest peak RSS and the last `passed` line of the last run.
fn measure(runs: usize, command: impl Fn() -> Command) -> Result<Measured, String> {
    let time = Path::new("/usr/bin/time");
    let stats = std::env::temp_dir().join(format!("pcscore-bench-time-{}", std::process::id()));
    let mut walls = Vec::new();
    let mut peak: Option<u64> = None;
    let mut cpus = Vec::new();
    let mut summary = String::new();
    for _ in 0..runs {
        let inner = command();
        let mut c = if time.exists() {
            let mut c = Command::new(time);
            c.args(["-f", "%e %M %U %S", "-o"]).arg(&stats);
            c.arg(inner.get_program()).args(inner.get_args());
            if let Some(d) = inner.get_current_dir() {
                c.current_dir(d);
            }
            for (k, v) in inner.get_envs() {
                if let Some(v) = v {
                    c.env(k, v);
                }
            }
            c
        } else {
            inner
        };
        let start = Instant::now();
        let out = c.output().map_err(|e| e.to_string())?;
        walls.push(start.elapsed().as_secs_f64());
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            let tail: Vec<&str> = stdout.lines().rev().take(20).collect();
            return Err(format!(
                "{:?} failed ({}):\n{}\n{}",
                command().get_program(),
                out.status,
                tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        if let Some(line) = stdout.lines().rev().find(|l| l.contains(" passed, ")) {
            summary = line.trim().to_string();
        }
        if let Ok(text) = std::fs::read_to_string(&stats) {
            let fields: Vec<&str> = text
                .lines()
                .last()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            if let Some(kb) = fields.get(1).and_then(|v| v.parse::<u64>().ok()) {
                peak = Some(peak.map_or(kb, |p| p.max(kb)));
            }
            let secs = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok());
            if let (Some(user), Some(system)) = (secs(2), secs(3)) {
                cpus.push(user + system);
            }
        }
    }
    let _ = std::fs::remove_file(&stats);
    walls.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    Ok(Measured {
        wall: walls[walls.len() / 2],
        cpu: cpus.get(cpus.len() / 2).copied(),
        peak_kb: peak,
        summary,
    })
}

/// Cores, CPU model and memory, from /proc.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or("unknown memory".into(), |kb| {
            format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0)
        });
    format!("machine: {cores} cores available, {cpu}, {mem}")
}
