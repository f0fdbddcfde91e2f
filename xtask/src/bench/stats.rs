//! Figures from raw samples: quantiles and medians, ratios, and the rounding
//! the report keeps them at. Pure functions, so the report's arithmetic can
//! be checked without a browser.

use serde::Serialize;

/// Median, quartiles, 95th percentile and range of some samples.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

/// `None` without samples. Quantiles interpolate linearly between ranks.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let position = p * (sorted.len() - 1) as f64;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
    };
    Some(Summary {
        n: sorted.len(),
        median: q(0.5),
        p25: q(0.25),
        p75: q(0.75),
        p95: q(0.95),
        min: sorted[0],
        max: sorted[sorted.len() - 1],
    })
}

/// The median of the samples, unrounded; `None` without samples.
pub fn median(samples: &[f64]) -> Option<f64> {
    summarize(samples).map(|s| s.median)
}

impl Summary {
    /// Every figure in milliseconds to 0.1, as the report keeps them.
    pub fn in_tenths(self) -> Summary {
        Summary {
            median: tenths(self.median),
            p25: tenths(self.p25),
            p75: tenths(self.p75),
            p95: tenths(self.p95),
            min: tenths(self.min),
            max: tenths(self.max),
            n: self.n,
        }
    }
}

/// The samples' summary in milliseconds to 0.1; `None` without samples.
pub fn summary_in_tenths(samples: &[f64]) -> Option<Summary> {
    summarize(samples).map(Summary::in_tenths)
}

/// The samples' median in milliseconds to 0.1; `None` without samples.
pub fn median_in_tenths(samples: &[f64]) -> Option<f64> {
    median(samples).map(tenths)
}

/// To 0.1 (milliseconds).
pub fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// To 0.01 (ratios, scores, shares).
pub fn hundredths(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// To 0.001 (Lighthouse's cumulative layout shift).
pub fn thousandths(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// `numerator ÷ denominator` to 0.01; `None` unless the denominator is
/// positive (a limit of zero or less is no limit to compare with).
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| hundredths(numerator / denominator))
}

/// The ratio of the medians of `app` and `limit`, to 0.01.
pub fn ratio_of_medians(app: &[f64], limit: &[f64]) -> Option<f64> {
    ratio(median(app)?, median(limit)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_samples() {
        let s = summarize(&[5.0, 1.0, 4.0, 2.0, 3.0]).unwrap();
        assert_eq!((s.n, s.median, s.min, s.max), (5, 3.0, 1.0, 5.0));
        assert_eq!((s.p25, s.p75), (2.0, 4.0));
        assert!((s.p95 - 4.8).abs() < 1e-9);
        assert_eq!(summarize(&[2.0, 4.0]).unwrap().median, 3.0);
        assert_eq!(summarize(&[]), None);
    }

    #[test]
    fn leaves_out_what_is_not_a_number() {
        let s = summarize(&[f64::NAN, 2.0, f64::INFINITY]).unwrap();
        assert_eq!((s.n, s.median), (1, 2.0));
        assert_eq!(summarize(&[f64::NAN]), None);
    }

    #[test]
    fn rounds_as_the_report_keeps_figures() {
        assert_eq!(tenths(12.34), 12.3);
        assert_eq!(tenths(12.35), 12.4);
        assert_eq!(hundredths(1.005_1), 1.01);
        assert_eq!(thousandths(0.012_34), 0.012);
        let s = summary_in_tenths(&[1.04, 2.06]).unwrap();
        assert_eq!((s.min, s.median, s.max, s.n), (1.0, 1.6, 2.1, 2));
        assert_eq!(median_in_tenths(&[]), None);
    }

    #[test]
    fn compares_medians() {
        assert_eq!(
            ratio_of_medians(&[300.0, 330.0, 360.0], &[250.0, 300.0]),
            Some(1.2)
        );
        assert_eq!(ratio_of_medians(&[1.0], &[0.0]), None);
        assert_eq!(ratio_of_medians(&[1.0], &[]), None);
        assert_eq!(ratio(1.0, 3.0), Some(0.33));
        assert_eq!(ratio(1.0, -1.0), None);
    }
}
