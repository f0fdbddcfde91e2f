//! The machine and the tool versions, so that runs can be compared.

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;
use xshell::cmd;

use crate::project_root;
use crate::run::{shell, stdout};
use crate::setup::CHROMIUM;

/// CPU model, cores, memory, OS and kernel, and the versions of the tools
/// that build and measure the app; `None` for what could not be found out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Machine {
    pub cpu: Option<String>,
    pub cores: usize,
    pub memory_bytes: Option<u64>,
    pub os: String,
    pub kernel: Option<String>,
    pub arch: String,
    pub tools: Tools,
}

/// Each tool's own version line (`rustc 1.91.0 …`); Playwright's version
/// number alone, from its package.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tools {
    pub rustc: Option<String>,
    pub trunk: Option<String>,
    pub wasm_bindgen: Option<String>,
    pub wasm_opt: Option<String>,
    pub chromium: Option<String>,
    pub node: Option<String>,
    pub playwright: Option<String>,
}

impl Tools {
    /// Each tool by its key in `report.json`, in the table's order.
    pub fn by_name(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("rustc", self.rustc.as_deref()),
            ("trunk", self.trunk.as_deref()),
            ("wasm_bindgen", self.wasm_bindgen.as_deref()),
            ("wasm_opt", self.wasm_opt.as_deref()),
            ("chromium", self.chromium.as_deref()),
            ("node", self.node.as_deref()),
            ("playwright", self.playwright.as_deref()),
        ]
    }
}

/// This machine and its tools.
pub fn describe() -> Result<Machine> {
    let sh = shell()?;
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let memory_bytes = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| mem_total(&m));
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let playwright =
        std::fs::read_to_string(project_root().join("node_modules/@playwright/test/package.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
            .and_then(|json| json["version"].as_str().map(str::to_string));
    Ok(Machine {
        cpu,
        cores,
        memory_bytes,
        os,
        kernel: stdout(cmd!(sh, "uname -r")),
        arch: std::env::consts::ARCH.to_string(),
        tools: Tools {
            rustc: stdout(cmd!(sh, "rustc --version")),
            trunk: stdout(cmd!(sh, "trunk --version")),
            wasm_bindgen: stdout(cmd!(sh, "wasm-bindgen --version")),
            wasm_opt: stdout(cmd!(sh, "wasm-opt --version")),
            chromium: stdout(cmd!(sh, "{CHROMIUM} --version")),
            node: stdout(cmd!(sh, "node --version")),
            playwright,
        },
    })
}

/// The 1-minute load average (other work on the machine skews the timings).
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// `MemTotal` of /proc/meminfo, in bytes.
fn mem_total(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_now() -> String {
    utc(Timestamp::now())
}

/// A time as `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, in UTC).
fn utc(time: Timestamp) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_dates() {
        let utc = |seconds, nanos| utc(Timestamp::new(seconds, nanos).unwrap());
        assert_eq!(utc(0, 0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400, 0), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_795_602_645, 999_999_999), "2026-11-25T10:30:45Z");
    }

    #[test]
    fn reads_total_memory() {
        let meminfo = "MemTotal:       24684544 kB\nMemFree:        18849540 kB\n";
        assert_eq!(mem_total(meminfo), Some(24_684_544 * 1024));
    }
}
