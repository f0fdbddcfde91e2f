//! A file's revision, as the service worker and the staff bundle's file
//! names state it (its own module: both `pwa` and `staff_bundle` use it).

/// The first 16 hex digits of the SHA-256 of `bytes`. The service worker
/// computes the same of every file it downloads (`crypto.subtle`) and
/// refuses one that differs, such as a captive portal's page answered in
/// place of a script.
pub fn revision(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_revision_is_the_start_of_the_sha256() {
        // The service worker checks downloads against this (sw.js `revisionOf`).
        assert_eq!(super::revision(b"abc"), "ba7816bf8f01cfea");
    }
}
