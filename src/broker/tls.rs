//! TLS for `amqps://` URLs: which server certificates to trust and, for mutual TLS, which
//! certificate to present. The files are read and checked once at start (by the settings),
//! so a missing or malformed file stops the service with the key named instead of failing
//! every reconnect later.
//!
//! Trust: the Mozilla root set compiled into the binary (webpki roots; the runtime image
//! needs no `ca-certificates` package), plus the certificates of `amqp.tls_ca_file` when set,
//! for brokers whose certificate a private CA signed. TLS runs on rustls with the `ring`
//! crypto provider.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use lapin::tcp::{OwnedIdentity, OwnedTLSConfig};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// Why a TLS file cannot be used; the settings turn it into an error naming the key.
#[derive(Debug, thiserror::Error)]
pub enum TlsFileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} holds no PEM certificate (`-----BEGIN CERTIFICATE-----`)")]
    NoCertificate { path: String },
    #[error("{path} is not valid PEM: {reason}")]
    Pem { path: String, reason: String },
    #[error("{path}: certificate {index} is not a usable X.509 certificate: {reason}")]
    BadCertificate {
        path: String,
        index: usize,
        reason: String,
    },
    #[error("{path} holds no PEM private key (PKCS#8, PKCS#1 or SEC1)")]
    NoKey { path: String },
    #[error("the client certificate and key cannot be used together: {0}")]
    Identity(String),
}

/// What lapin needs for `amqps://`, loaded from the configured files. Its `Debug` shows
/// what is configured, never the key material.
#[derive(Clone, Default)]
pub struct TlsConfig {
    inner: OwnedTLSConfig,
    ca_certificates: usize,
}

impl fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsConfig")
            .field("extra_ca_certificates", &self.ca_certificates)
            .field("client_certificate", &self.inner.identity.is_some())
            .finish()
    }
}

impl TlsConfig {
    /// Loads and checks the CA bundle (`ca_file`) and the client certificate chain and key
    /// (`cert_file`, `key_file`); `None` for any of them means not configured.
    ///
    /// # Errors
    /// [`TlsFileError`] for an unreadable file, a file without the expected PEM blocks, a
    /// certificate that does not parse, or a certificate and key that do not belong together.
    /// Which of the three files is at fault is the `.0` of the pair.
    pub fn load(
        ca_file: Option<&Path>,
        identity: Option<(&Path, &Path)>,
    ) -> Result<TlsConfig, (Which, TlsFileError)> {
        let mut config = TlsConfig::default();
        if let Some(path) = ca_file {
            let pem = read(path).map_err(|e| (Which::Ca, e))?;
            let certs = certificates(path, &pem).map_err(|e| (Which::Ca, e))?;
            let mut roots = rustls::RootCertStore::empty();
            for (index, cert) in certs.into_iter().enumerate() {
                roots.add(cert).map_err(|e| {
                    (
                        Which::Ca,
                        TlsFileError::BadCertificate {
                            path: path.display().to_string(),
                            index: index + 1,
                            reason: e.to_string(),
                        },
                    )
                })?;
            }
            config.ca_certificates = roots.len();
            // lapin takes the bundle as PEM text and parses it again at each connect.
            config.inner.cert_chain = Some(String::from_utf8(pem).map_err(|e| {
                (
                    Which::Ca,
                    TlsFileError::Pem {
                        path: path.display().to_string(),
                        reason: e.to_string(),
                    },
                )
            })?);
        }
        if let Some((cert_path, key_path)) = identity {
            let cert_pem = read(cert_path).map_err(|e| (Which::Cert, e))?;
            let chain = certificates(cert_path, &cert_pem).map_err(|e| (Which::Cert, e))?;
            let key_pem = read(key_path).map_err(|e| (Which::Key, e))?;
            let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| {
                let path = key_path.display().to_string();
                let err = match e {
                    rustls::pki_types::pem::Error::NoItemsFound => TlsFileError::NoKey { path },
                    other => TlsFileError::Pem {
                        path,
                        reason: other.to_string(),
                    },
                };
                (Which::Key, err)
            })?;
            check_identity(chain, key).map_err(|e| (Which::Cert, e))?;
            config.inner.identity = Some(OwnedIdentity::PKCS8 {
                pem: cert_pem,
                key: key_pem,
            });
        }
        Ok(config)
    }

    /// Whether any file was configured (a plain `amqp://` URL must not have any).
    pub fn is_configured(&self) -> bool {
        self.inner.cert_chain.is_some() || self.inner.identity.is_some()
    }

    /// The configuration in lapin's form.
    pub fn lapin(&self) -> OwnedTLSConfig {
        self.inner.clone()
    }
}

/// Which configured file an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// `amqp.tls_ca_file`
    Ca,
    /// `amqp.tls_cert_file`
    Cert,
    /// `amqp.tls_key_file`
    Key,
}

fn read(path: &Path) -> Result<Vec<u8>, TlsFileError> {
    std::fs::read(path).map_err(|source| TlsFileError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// Every `CERTIFICATE` block of a PEM file, at least one.
fn certificates(path: &Path, pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, TlsFileError> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsFileError::Pem {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsFileError::NoCertificate {
            path: path.display().to_string(),
        });
    }
    Ok(certs)
}

/// Builds the client side as lapin will at connect time, so a key of an unsupported kind or
/// one that does not match the certificate fails here, at start.
fn check_identity(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<(), TlsFileError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsFileError::Identity(e.to_string()))?
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_client_auth_cert(chain, key)
        .map_err(|e| TlsFileError::Identity(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{CertificateParams, KeyPair};

    fn self_signed(dir: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
        let key = KeyPair::generate().unwrap();
        let cert = CertificateParams::new(vec![format!("{name}.test")])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let (c, k) = (
            dir.join(format!("{name}.pem")),
            dir.join(format!("{name}.key")),
        );
        std::fs::write(&c, cert.pem()).unwrap();
        std::fs::write(&k, key.serialize_pem()).unwrap();
        (c, k)
    }

    #[test]
    fn a_bundle_and_a_matching_client_pair_load_and_debug_hides_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let (a, a_key) = self_signed(dir.path(), "a");
        let (b, _) = self_signed(dir.path(), "b");
        let bundle = dir.path().join("bundle.pem");
        let text = std::fs::read_to_string(&a).unwrap() + &std::fs::read_to_string(&b).unwrap();
        std::fs::write(&bundle, text).unwrap();
        let tls = TlsConfig::load(Some(&bundle), Some((&a, &a_key))).unwrap();
        assert!(tls.is_configured());
        assert_eq!(tls.ca_certificates, 2);
        let shown = format!("{tls:?}");
        assert!(!shown.contains("PRIVATE KEY"), "{shown}");
        assert!(shown.contains("client_certificate: true"), "{shown}");
    }

    #[test]
    fn a_key_of_another_certificate_is_refused_as_the_pair() {
        let dir = tempfile::tempdir().unwrap();
        let (a, _) = self_signed(dir.path(), "a");
        let (_, b_key) = self_signed(dir.path(), "b");
        let (which, err) = TlsConfig::load(None, Some((&a, &b_key))).unwrap_err();
        assert_eq!(which, Which::Cert);
        assert!(matches!(err, TlsFileError::Identity(_)), "{err}");
    }
}
