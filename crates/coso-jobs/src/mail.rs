//! Sending outbox mail over SMTP with lettre: plain (for a local relay and the tests) or
//! STARTTLS through rustls. Subjects, bodies and display names are UTF-8, encoded by lettre
//! (RFC 2047 headers, quoted-printable or base64 bodies).

use std::time::Duration;

use coso_store::Mail;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where and as whom to send.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    /// The sender, e.g. `Hệ thống coso <khong-tra-loi@hatinh.gov.vn>`.
    pub from: String,
    /// Upgrade the connection with STARTTLS (required when set); plain SMTP otherwise.
    pub starttls: bool,
    pub username: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("from", &self.from)
            .field("starttls", &self.starttls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// A configuration that cannot work; reported when the jobs are built, not per mail.
#[derive(Debug, thiserror::Error)]
pub enum SmtpConfigError {
    #[error("invalid sender address «{0}»")]
    From(String),
    #[error("SMTP relay {0}: {1}")]
    Relay(String, String),
}

/// Why a mail was not sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Sending again will not help (bad address, rejected by the server with 5xx).
    #[error("permanent: {0}")]
    Permanent(String),
    /// Try again later (connection, timeout, 4xx).
    #[error("transient: {0}")]
    Transient(String),
}

/// Sends mails through one SMTP server.
#[derive(Clone)]
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for SmtpSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSender").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl SmtpSender {
    pub fn new(config: &SmtpConfig) -> Result<SmtpSender, SmtpConfigError> {
        let from: Mailbox = config.from.parse().map_err(|_| SmtpConfigError::From(config.from.clone()))?;
        let builder = if config.starttls {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)
                .map_err(|e| SmtpConfigError::Relay(config.host.clone(), e.to_string()))?
        } else {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
        };
        let mut builder = builder.port(config.port).timeout(Some(Duration::from_secs(30)));
        if let Some(user) = &config.username {
            builder = builder.credentials(Credentials::new(user.clone(), config.password.clone().unwrap_or_default()));
        }
        Ok(SmtpSender { transport: builder.build(), from })
    }

    /// Hands `mail` to the server.
    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let to: Mailbox = mail.to_addr.parse().map_err(|e| SendError::Permanent(format!("invalid address: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
            Err(e) => Err(SendError::Transient(e.to_string())),
        }
    }
}
