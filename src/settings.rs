//! Settings: typed, layered and validated once at start, so a bad value stops the service
//! with a message naming the key instead of failing later in the middle of a delivery.
//!
//! Layers, later wins: `config/default.toml` as compiled into the binary (so it runs with no
//! config dir) < `<dir>/default.toml` < `<dir>/$APP_ENV.toml` < `ENRICHER__SECTION__KEY`
//! environment variables.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use config::{Config, Environment, File, FileFormat};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::broker::tls::{TlsConfig, Which};
use crate::extract::limits::Limits;

/// The defaults, compiled in: the shipped file is the single source of truth for them.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Prefix of environment overrides: `ENRICHER__AMQP__URL` sets `amqp.url`.
pub const ENV_PREFIX: &str = "ENRICHER";

/// Where config files are looked for when neither `--config-dir` nor this variable says.
pub const CONFIG_DIR_ENV: &str = "ENRICHER_CONFIG_DIR";

/// Why the settings could not be loaded. Each names the key at fault, so the operator can fix
/// it without reading code.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("invalid setting `{key}`: {reason}")]
    Invalid { key: String, reason: String },
    #[error("cannot load settings: {0}")]
    Load(String),
}

impl SettingsError {
    fn invalid(key: &str, reason: impl Into<String>) -> Self {
        SettingsError::Invalid {
            key: key.to_string(),
            reason: reason.into(),
        }
    }
}

/// All settings of the service.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub amqp: AmqpSettings,
    pub topology: TopologySettings,
    pub worker: WorkerSettings,
    /// Per-record caps on the extractor's lists.
    pub extract: Limits,
    pub http: HttpSettings,
    pub log: LogSettings,
    /// Files that contributed, in order, for `news-enricher config` and the start-up log.
    #[serde(skip)]
    pub sources: Vec<String>,
}

/// Broker connection.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmqpSettings {
    /// Secret because it carries the password; see [`AmqpSettings::redacted_url`].
    pub url: SecretString,
    pub prefetch: u16,
    pub connection_name: String,
    pub reconnect_initial_ms: u64,
    pub reconnect_max_ms: u64,
    /// PEM bundle of CA certificates trusted for `amqps://` on top of the built-in roots;
    /// empty for none. For brokers whose certificate a private CA signed.
    pub tls_ca_file: String,
    /// PEM client certificate (chain) for mutual TLS; empty for none. Needs `tls_key_file`.
    pub tls_cert_file: String,
    /// PEM private key of `tls_cert_file`; empty for none.
    pub tls_key_file: String,
    /// The three files above, read and checked by [`Settings::load`].
    #[serde(skip)]
    pub tls: TlsConfig,
}

/// Names of exchanges and queues, and how records are routed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopologySettings {
    pub input_exchange: String,
    pub input_queue: String,
    pub delivery_limit: u32,
    pub output_exchange: String,
    pub routing_key_template: String,
    pub keep_all: bool,
    pub keep_all_queue: String,
    pub dead_exchange: String,
    pub dead_queue: String,
}

/// The unit of work and the CPU pool.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerSettings {
    pub max_article_bytes: usize,
    pub extract_threads: usize,
    pub shutdown_timeout_secs: u64,
    pub retry_delay_ms: u64,
    pub passthrough: bool,
}

/// The health and metrics endpoint.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    /// `host:port` to listen on; port 0 picks a free one (tests).
    pub addr: String,
}

/// How logs look.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    /// Line format.
    pub format: LogFormat,
    /// `tracing` filter directives; `RUST_LOG` wins when set.
    pub filter: String,
}

/// Log line format; `Auto` picks pretty on a terminal and JSON otherwise, which is what both
/// a developer and a log shipper want without configuring anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Pretty on a terminal, JSON otherwise.
    Auto,
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line.
    Json,
}

/// Where to look for files and which environment to read: everything outside the process
/// that settings depend on, passed in so tests need not mutate the real environment.
#[derive(Debug, Clone, Default)]
pub struct SettingsSource {
    /// Folder with `default.toml` and `$APP_ENV.toml`; missing is fine.
    pub dir: Option<PathBuf>,
    /// `APP_ENV`: the name of the overlay file.
    pub app_env: Option<String>,
    /// Environment variables; `None` reads the process environment.
    pub env: Option<HashMap<String, String>>,
}

impl SettingsSource {
    /// The process's own view: `--config-dir`, else `ENRICHER_CONFIG_DIR`, else `./config`.
    pub fn from_process(config_dir: Option<PathBuf>) -> Self {
        let dir = config_dir
            .or_else(|| std::env::var_os(CONFIG_DIR_ENV).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("config"));
        SettingsSource {
            dir: Some(dir),
            app_env: std::env::var("APP_ENV").ok().filter(|s| !s.is_empty()),
            env: None,
        }
    }
}

impl Settings {
    /// Loads and validates the layered settings.
    ///
    /// # Errors
    /// [`SettingsError::Invalid`] naming the key when a value has the wrong type or is out of
    /// range; [`SettingsError::Load`] when a file cannot be parsed.
    pub fn load(source: &SettingsSource) -> Result<Settings, SettingsError> {
        let mut sources = vec!["built-in defaults".to_string()];
        let mut builder =
            Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        if let Some(dir) = &source.dir {
            let mut names = vec!["default".to_string()];
            if let Some(env) = &source.app_env {
                names.push(env.clone());
            }
            for name in names {
                let path = dir.join(format!("{name}.toml"));
                if path.is_file() {
                    sources.push(path.display().to_string());
                    builder =
                        builder.add_source(File::from(path.as_path()).format(FileFormat::Toml));
                } else if name != "default" {
                    return Err(SettingsError::Load(format!(
                        "APP_ENV={name} but {} does not exist",
                        path.display()
                    )));
                }
            }
        }
        let env = Environment::with_prefix(ENV_PREFIX)
            .prefix_separator("__")
            .separator("__")
            .try_parsing(true)
            .source(source.env.clone());
        builder = builder.add_source(env);
        let config = builder.build().map_err(|e| config_error(&e))?;
        let mut settings: Settings = config.try_deserialize().map_err(|e| config_error(&e))?;
        settings.sources = sources;
        settings.validate()?;
        settings.amqp.tls = settings.amqp.load_tls()?;
        Ok(settings)
    }

    /// Checks ranges and formats the types alone cannot express.
    fn validate(&self) -> Result<(), SettingsError> {
        let url = self.amqp.url.expose_secret();
        let parsed: lapin::uri::AMQPUri = url
            .parse()
            .map_err(|e: String| SettingsError::invalid("amqp.url", e))?;
        if parsed.scheme == lapin::uri::AMQPScheme::AMQP {
            for (key, value) in self.amqp.tls_files() {
                if !value.is_empty() {
                    return Err(SettingsError::invalid(
                        key,
                        "is set but amqp.url is amqp:// (plain TCP): use amqps:// or leave it empty",
                    ));
                }
            }
        }
        if self.amqp.prefetch == 0 {
            return Err(SettingsError::invalid(
                "amqp.prefetch",
                "must be at least 1: 0 would mean unlimited deliveries in flight",
            ));
        }
        if self.amqp.reconnect_initial_ms == 0 {
            return Err(SettingsError::invalid(
                "amqp.reconnect_initial_ms",
                "must be at least 1",
            ));
        }
        if self.amqp.reconnect_max_ms < self.amqp.reconnect_initial_ms {
            return Err(SettingsError::invalid(
                "amqp.reconnect_max_ms",
                "must not be below amqp.reconnect_initial_ms",
            ));
        }
        let t = &self.topology;
        for (key, name) in [
            ("topology.input_exchange", &t.input_exchange),
            ("topology.input_queue", &t.input_queue),
            ("topology.output_exchange", &t.output_exchange),
            ("topology.keep_all_queue", &t.keep_all_queue),
            ("topology.dead_exchange", &t.dead_exchange),
            ("topology.dead_queue", &t.dead_queue),
        ] {
            check_name(key, name)?;
        }
        if t.delivery_limit == 0 {
            return Err(SettingsError::invalid(
                "topology.delivery_limit",
                "must be at least 1",
            ));
        }
        check_template(&t.routing_key_template)?;
        if self.worker.max_article_bytes == 0 {
            return Err(SettingsError::invalid(
                "worker.max_article_bytes",
                "must be at least 1",
            ));
        }
        if self.worker.extract_threads > 1024 {
            return Err(SettingsError::invalid(
                "worker.extract_threads",
                "must be 0 (one per core) or at most 1024",
            ));
        }
        for (key, value) in self.extract.by_key() {
            if value == 0 {
                return Err(SettingsError::invalid(
                    &format!("extract.{key}"),
                    "must be at least 1",
                ));
            }
        }
        self.http_addr()?;
        tracing_subscriber::EnvFilter::try_new(&self.log.filter)
            .map_err(|e| SettingsError::invalid("log.filter", e.to_string()))?;
        Ok(())
    }

    /// The HTTP listen address, parsed.
    ///
    /// # Errors
    /// [`SettingsError::Invalid`] for `http.addr` when it is not `host:port` with an IP host.
    pub fn http_addr(&self) -> Result<SocketAddr, SettingsError> {
        self.http.addr.parse().map_err(|e| {
            SettingsError::invalid("http.addr", format!("{e} (want e.g. 0.0.0.0:8080)"))
        })
    }

    /// Threads for extraction: the configured number, or one per core.
    pub fn extract_threads(&self) -> usize {
        match self.worker.extract_threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }

    /// The effective settings as TOML with the password redacted, for `news-enricher config`.
    pub fn to_redacted_toml(&self) -> String {
        let t = &self.topology;
        let w = &self.worker;
        let x = &self.extract;
        let value = toml::toml! {
            [amqp]
            url = (self.amqp.redacted_url())
            prefetch = (i64::from(self.amqp.prefetch))
            connection_name = (self.amqp.connection_name.clone())
            reconnect_initial_ms = (saturating_i64(self.amqp.reconnect_initial_ms))
            reconnect_max_ms = (saturating_i64(self.amqp.reconnect_max_ms))
            tls_ca_file = (self.amqp.tls_ca_file.clone())
            tls_cert_file = (self.amqp.tls_cert_file.clone())
            tls_key_file = (self.amqp.tls_key_file.clone())

            [topology]
            input_exchange = (t.input_exchange.clone())
            input_queue = (t.input_queue.clone())
            delivery_limit = (i64::from(t.delivery_limit))
            output_exchange = (t.output_exchange.clone())
            routing_key_template = (t.routing_key_template.clone())
            keep_all = (t.keep_all)
            keep_all_queue = (t.keep_all_queue.clone())
            dead_exchange = (t.dead_exchange.clone())
            dead_queue = (t.dead_queue.clone())

            [worker]
            max_article_bytes = (saturating_i64(w.max_article_bytes as u64))
            extract_threads = (saturating_i64(w.extract_threads as u64))
            shutdown_timeout_secs = (saturating_i64(w.shutdown_timeout_secs))
            retry_delay_ms = (saturating_i64(w.retry_delay_ms))
            passthrough = (w.passthrough)

            [extract]
            max_entities = (saturating_i64(x.max_entities as u64))
            max_mentions_per_entity = (saturating_i64(x.max_mentions_per_entity as u64))
            max_roles_per_entity = (saturating_i64(x.max_roles_per_entity as u64))
            max_affiliations_per_entity = (saturating_i64(x.max_affiliations_per_entity as u64))
            max_quotes = (saturating_i64(x.max_quotes as u64))
            max_dates = (saturating_i64(x.max_dates as u64))
            max_amounts = (saturating_i64(x.max_amounts as u64))

            [http]
            addr = (self.http.addr.clone())

            [log]
            format = (format!("{:?}", self.log.format).to_lowercase())
            filter = (self.log.filter.clone())
        };
        let mut out = format!("# sources: {}\n", self.sources.join(" < "));
        out.push_str("# plus ENRICHER__SECTION__KEY environment variables\n");
        out.push_str(&toml::to_string_pretty(&value).unwrap_or_default());
        out
    }
}

impl AmqpSettings {
    /// The broker URL with the password replaced by `***`: the only form that may be logged.
    pub fn redacted_url(&self) -> String {
        redact_url(self.url.expose_secret())
    }

    fn tls_files(&self) -> [(&'static str, &str); 3] {
        [
            ("amqp.tls_ca_file", &self.tls_ca_file),
            ("amqp.tls_cert_file", &self.tls_cert_file),
            ("amqp.tls_key_file", &self.tls_key_file),
        ]
    }

    /// Reads and checks the TLS files, so a bad one stops the service at start, named.
    fn load_tls(&self) -> Result<TlsConfig, SettingsError> {
        let path = |s: &str| (!s.trim().is_empty()).then(|| PathBuf::from(s));
        let ca = path(&self.tls_ca_file);
        let identity = match (path(&self.tls_cert_file), path(&self.tls_key_file)) {
            (Some(c), Some(k)) => Some((c, k)),
            (None, None) => None,
            (Some(_), None) => {
                return Err(SettingsError::invalid(
                    "amqp.tls_key_file",
                    "must be set when amqp.tls_cert_file is (the client certificate's key)",
                ));
            }
            (None, Some(_)) => {
                return Err(SettingsError::invalid(
                    "amqp.tls_cert_file",
                    "must be set when amqp.tls_key_file is (the key's certificate)",
                ));
            }
        };
        TlsConfig::load(
            ca.as_deref(),
            identity.as_ref().map(|(c, k)| (c.as_path(), k.as_path())),
        )
        .map_err(|(which, e)| {
            let key = match which {
                Which::Ca => "amqp.tls_ca_file",
                Which::Cert => "amqp.tls_cert_file",
                Which::Key => "amqp.tls_key_file",
            };
            SettingsError::invalid(key, e.to_string())
        })
    }
}

/// Replaces the password of a `scheme://user:password@host/...` URL by `***`.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let Some(at) = authority.rfind('@') else {
        return url.to_string();
    };
    let userinfo = &authority[..at];
    let user = userinfo.split(':').next().unwrap_or("");
    let redacted_userinfo = if userinfo.contains(':') {
        format!("{user}:***")
    } else {
        user.to_string()
    };
    format!(
        "{}{}{}",
        &url[..scheme_end + 3],
        redacted_userinfo,
        &rest[at..]
    )
}

fn saturating_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// AMQP short strings are at most 255 bytes; an empty name would mean a server-named queue.
fn check_name(key: &str, name: &str) -> Result<(), SettingsError> {
    if name.trim().is_empty() {
        return Err(SettingsError::invalid(key, "must not be empty"));
    }
    if name.len() > 255 {
        return Err(SettingsError::invalid(key, "must be at most 255 bytes"));
    }
    Ok(())
}

/// The template may use `{language}` only; a typo like `{lang}` would silently route every
/// record to one literal key.
fn check_template(template: &str) -> Result<(), SettingsError> {
    const KEY: &str = "topology.routing_key_template";
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(SettingsError::invalid(KEY, "unclosed `{`"));
        };
        let name = &after[..close];
        if name != "language" {
            return Err(SettingsError::invalid(
                KEY,
                format!("unknown placeholder `{{{name}}}`; only `{{language}}` exists"),
            ));
        }
        rest = &after[close + 1..];
    }
    if template.is_empty() || template.len() > 255 {
        return Err(SettingsError::invalid(KEY, "must be 1 to 255 bytes"));
    }
    Ok(())
}

/// The config crate's errors already name the key (`... for key `amqp.prefetch``); this
/// lifts the key into [`SettingsError::Invalid`] so every message reads alike.
fn config_error(e: &config::ConfigError) -> SettingsError {
    let text = e.to_string();
    if let (Some(field_at), Some(key_at)) = (text.find("unknown field `"), text.find("for key `")) {
        let field = text[field_at + 15..].split('`').next().unwrap_or("");
        let section = text[key_at + 9..].split('`').next().unwrap_or("");
        return SettingsError::invalid(
            &format!("{section}.{field}"),
            "unknown setting (misspelt? see config/default.toml for every key)",
        );
    }
    if let Some(start) = text.find("for key `") {
        let after = &text[start + 9..];
        if let Some(end) = after.find('`') {
            return SettingsError::invalid(&after[..end], text[..start].trim().to_string());
        }
    }
    if let Some(start) = text.find("unknown field `") {
        let after = &text[start + 15..];
        if let Some(end) = after.find('`') {
            return SettingsError::invalid(&after[..end], format!("unknown setting ({text})"));
        }
    }
    SettingsError::Load(text)
}

/// Renders the routing key of a record from the configured template.
pub fn routing_key(template: &str, language: &str) -> String {
    let language = if language.is_empty() { "und" } else { language };
    template.replace("{language}", language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_env(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        Settings::load(&SettingsSource {
            dir: None,
            app_env: None,
            env: Some(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
        })
    }

    #[test]
    fn built_in_defaults_are_the_documented_ones() {
        let s = load_env(&[]).unwrap();
        assert_eq!(
            s.amqp.url.expose_secret(),
            "amqp://guest:guest@127.0.0.1:5672/%2f"
        );
        assert_eq!(s.http.addr, "0.0.0.0:8080");
        assert_eq!(s.log.format, LogFormat::Auto);
        assert_eq!(s.topology.input_queue, "articles.in");
        assert_eq!(s.topology.output_exchange, "articles.enriched");
        assert_eq!(s.topology.keep_all_queue, "articles.enriched.all");
        assert_eq!(s.topology.dead_queue, "articles.dead");
    }

    #[test]
    fn environment_overrides_files_with_double_underscore_keys() {
        let s = load_env(&[
            ("ENRICHER__AMQP__URL", "amqp://u:p@broker:5672/%2f"),
            ("ENRICHER__AMQP__PREFETCH", "7"),
            ("ENRICHER__TOPOLOGY__KEEP_ALL", "false"),
            ("ENRICHER__LOG__FORMAT", "json"),
        ])
        .unwrap();
        assert_eq!(s.amqp.url.expose_secret(), "amqp://u:p@broker:5672/%2f");
        assert_eq!(s.amqp.prefetch, 7);
        assert!(!s.topology.keep_all);
        assert_eq!(s.log.format, LogFormat::Json);
    }

    #[test]
    fn a_misspelt_key_is_named_in_full() {
        let e = load_env(&[("ENRICHER__AMQP__PREFTCH", "3")]).unwrap_err();
        assert!(e.to_string().contains("amqp.preftch"), "{e}");
    }

    #[test]
    fn a_wrong_type_names_the_key() {
        let e = load_env(&[("ENRICHER__AMQP__PREFETCH", "lots")]).unwrap_err();
        assert!(e.to_string().contains("amqp.prefetch"), "{e}");
    }

    #[test]
    fn out_of_range_values_name_the_key() {
        for (var, value, key) in [
            ("ENRICHER__AMQP__PREFETCH", "0", "amqp.prefetch"),
            ("ENRICHER__AMQP__URL", "http://x", "amqp.url"),
            ("ENRICHER__HTTP__ADDR", "localhost", "http.addr"),
            (
                "ENRICHER__TOPOLOGY__ROUTING_KEY_TEMPLATE",
                "enriched.{lang}",
                "topology.routing_key_template",
            ),
            (
                "ENRICHER__TOPOLOGY__INPUT_QUEUE",
                " ",
                "topology.input_queue",
            ),
            (
                "ENRICHER__WORKER__MAX_ARTICLE_BYTES",
                "0",
                "worker.max_article_bytes",
            ),
            ("ENRICHER__EXTRACT__MAX_QUOTES", "0", "extract.max_quotes"),
            (
                "ENRICHER__EXTRACT__MAX_ENTITIES",
                "-1",
                "extract.max_entities",
            ),
            (
                "ENRICHER__AMQP__TLS_CA_FILE",
                "/nonexistent/ca.pem",
                "amqp.tls_ca_file",
            ),
        ] {
            let e = load_env(&[(var, value)]).unwrap_err();
            assert!(e.to_string().contains(key), "{var}={value}: {e}");
        }
    }

    #[test]
    fn caps_default_to_the_documented_values_and_can_be_overridden() {
        let s = load_env(&[]).unwrap();
        assert_eq!(s.extract, Limits::default());
        let s = load_env(&[
            ("ENRICHER__EXTRACT__MAX_QUOTES", "7"),
            ("ENRICHER__EXTRACT__MAX_MENTIONS_PER_ENTITY", "3"),
        ])
        .unwrap();
        assert_eq!(s.extract.max_quotes, 7);
        assert_eq!(s.extract.max_mentions_per_entity, 3);
        assert_eq!(s.extract.max_entities, 200);
        let shown = s.to_redacted_toml();
        assert!(shown.contains("max_quotes = 7"), "{shown}");
    }

    #[test]
    fn amqps_is_accepted_and_tls_files_need_it() {
        let s = load_env(&[("ENRICHER__AMQP__URL", "amqps://u:p@broker:5671/%2f")]).unwrap();
        assert!(!s.amqp.tls.is_configured());
        let e = load_env(&[("ENRICHER__AMQP__TLS_KEY_FILE", "/x.key")]).unwrap_err();
        assert!(e.to_string().contains("amqp.tls_key_file"), "{e}");
        let e = load_env(&[
            ("ENRICHER__AMQP__URL", "amqps://u:p@broker:5671/%2f"),
            ("ENRICHER__AMQP__TLS_KEY_FILE", "/x.key"),
        ])
        .unwrap_err();
        assert!(e.to_string().contains("amqp.tls_cert_file"), "{e}");
    }

    #[test]
    fn the_app_env_overlay_wins_over_the_default_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("default.toml"), "[amqp]\nprefetch = 3\n").unwrap();
        std::fs::write(
            dir.path().join("docker.toml"),
            "[amqp]\nurl = \"amqp://guest:guest@rabbitmq:5672/%2f\"\n",
        )
        .unwrap();
        let s = Settings::load(&SettingsSource {
            dir: Some(dir.path().to_path_buf()),
            app_env: Some("docker".into()),
            env: Some(HashMap::new()),
        })
        .unwrap();
        assert_eq!(s.amqp.prefetch, 3);
        assert!(s.amqp.url.expose_secret().contains("@rabbitmq:5672"));
    }

    #[test]
    fn the_shipped_docker_overlay_points_at_the_rabbitmq_host() {
        let s = Settings::load(&SettingsSource {
            dir: Some(PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/config"
            ))),
            app_env: Some("docker".into()),
            env: Some(HashMap::new()),
        })
        .unwrap();
        assert!(s.amqp.url.expose_secret().contains("@rabbitmq:5672"));
    }

    #[test]
    fn the_password_never_shows_in_debug_or_config_output() {
        let s = load_env(&[("ENRICHER__AMQP__URL", "amqp://bob:hunter2@h:5672/%2f")]).unwrap();
        assert!(!format!("{s:?}").contains("hunter2"));
        let shown = s.to_redacted_toml();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("amqp://bob:***@h:5672/%2f"), "{shown}");
    }

    #[test]
    fn redaction_keeps_urls_without_password_intact() {
        assert_eq!(redact_url("amqp://h:5672/%2f"), "amqp://h:5672/%2f");
        assert_eq!(redact_url("amqp://u@h/%2f"), "amqp://u@h/%2f");
        assert_eq!(redact_url("amqp://u:p@ss@h/%2f"), "amqp://u:***@h/%2f");
    }

    #[test]
    fn routing_keys_come_from_the_template() {
        assert_eq!(routing_key("enriched.{language}", "en"), "enriched.en");
        assert_eq!(routing_key("enriched.{language}", ""), "enriched.und");
    }
}
