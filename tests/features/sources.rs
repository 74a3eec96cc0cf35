//! Where the specifications live: `features/` and `scenarios/` under the crate root,
//! or the folders named by `PCSCORE_FEATURES` and `PCSCORE_SCENARIOS`.

use std::path::{Path, PathBuf};

/// The two folders a run reads.
#[derive(Clone, Debug)]
pub struct Sources {
    /// `.feature` files.
    pub features: PathBuf,
    /// YAML scenario files.
    pub scenarios: PathBuf,
}

impl Sources {
    /// The folders from the environment, defaulting to the crate's own.
    pub fn from_env() -> Sources {
        let folder = |var: &str, default: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .unwrap_or_else(|| root().join(default))
        };
        Sources {
            features: folder("PCSCORE_FEATURES", "features"),
            scenarios: folder("PCSCORE_SCENARIOS", "scenarios"),
        }
    }
}

/// The crate root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path as messages show it: relative to the crate root when it lies inside it.
pub fn shown(path: &Path) -> PathBuf {
    path.strip_prefix(root())
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

/// A path as shown, made absolute against the crate root when it is relative and the
/// working directory is elsewhere.
pub fn resolve(shown: &Path) -> PathBuf {
    if shown.is_relative() && !shown.exists() {
        root().join(shown)
    } else {
        shown.to_path_buf()
    }
}
