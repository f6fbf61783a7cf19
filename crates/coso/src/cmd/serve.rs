//! `coso serve`: the web server, with the official units (and, on request, the demo data)
//! loaded on first start, and a graceful shutdown.

use std::io::Write;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use clap::Args;
use coso_app::{Actor, App, AppSettings};
use tokio::sync::watch;

use super::common::{CmdResult, Failure, Global, block_on, config, ensure_official_units, open};
use super::demo::demo_failure;
use crate::config::Config;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (IP:port; port 0 picks a free port). Overrides COSO_LISTEN.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Load the demo data (Hà Tĩnh) when the database holds no user data yet.
    #[arg(long)]
    pub demo: bool,
    /// Load the demo data even into a database that already holds data (implies --demo;
    /// only what is missing is added).
    #[arg(long)]
    pub force_demo: bool,
}

pub fn run(global: &Global, args: ServeArgs) -> CmdResult {
    let started = Instant::now();
    let cfg = config(global, args.listen.clone(), true)?;
    block_on(serve(cfg, args, started))
}

async fn serve(cfg: Config, args: ServeArgs, started: Instant) -> CmdResult {
    tracing::info!(database = %cfg.database_url, config_file = ?cfg.file, "starting coso");
    let app = App::with_settings(open(&cfg).await?, app_settings(&cfg));
    let result = prepare_and_serve(&app, &cfg, &args, started).await;
    app.store().close().await;
    tracing::info!("coso stopped");
    result
}

async fn prepare_and_serve(app: &App, cfg: &Config, args: &ServeArgs, started: Instant) -> CmdResult {
    let actor = Actor::system("serve");
    let t = Instant::now();
    let inserted = ensure_official_units(app, &actor).await?;
    if inserted > 0 {
        tracing::info!(units = inserted, elapsed_ms = t.elapsed().as_millis() as u64, "official units loaded");
    }
    if args.demo || args.force_demo {
        let non_empty = app.store().has_user_data().await.map_err(Failure::other)?;
        if non_empty && !args.force_demo {
            tracing::warn!(
                "the database already holds data: demo data not loaded (use --force-demo to load it anyway)"
            );
        } else {
            let t = Instant::now();
            let report = coso_demo::load_demo(app, args.force_demo).await.map_err(demo_failure)?;
            tracing::info!(elapsed_ms = t.elapsed().as_millis() as u64, "demo data ready");
            // Console output for the person starting the demo, never the log stream.
            print!("{report}");
        }
    }

    let listener = tokio::net::TcpListener::bind(cfg.listen)
        .await
        .map_err(|e| Failure::Input(format!("không mở được cổng {}: {e}", cfg.listen)))?;
    let addr = listener.local_addr().map_err(Failure::other)?;
    let state = coso_web::AppState::new(app.clone(), web_settings(cfg));
    // Seeded here so that the first import or report does not race another instance for it.
    coso_app::templates::ensure_default(app).await.map_err(Failure::other)?;
    let (jobs_stop_tx, mut jobs_stop_rx) = watch::channel(false);
    let jobs = coso_jobs::Jobs::new(app.clone(), jobs_config(cfg)).map_err(Failure::other)?.spawn(async move {
        let _ = jobs_stop_rx.wait_for(|stopped| *stopped).await;
    });
    let app = coso_web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    // The URL goes to stdout (scripts read it); logs go to stderr.
    println!("coso đang chạy tại http://{addr}");
    let _ = std::io::stdout().flush();
    tracing::info!(%addr, startup_ms = started.elapsed().as_millis() as u64, "listening");

    let (stop_tx, mut stop_rx) = watch::channel(false);
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        crate::shutdown::signal().await;
        let _ = stop_tx.send(true);
    });
    let grace = Duration::from_secs(cfg.shutdown_timeout_secs);
    let mut server = std::pin::pin!(server.into_future());
    let result = tokio::select! {
        r = &mut server => Some(r.map_err(Failure::other)),
        _ = stop_rx.wait_for(|stopped| *stopped) => None,
    };
    // Stopping: the background jobs finish their current run, in-flight requests get `grace`.
    let _ = jobs_stop_tx.send(true);
    let result = match result {
        Some(r) => r,
        None => match tokio::time::timeout(grace, server).await {
            Ok(r) => r.map_err(Failure::other),
            Err(_) => {
                tracing::warn!(
                    grace_secs = grace.as_secs(),
                    "requests still running after the grace period: stopping anyway"
                );
                Ok(())
            }
        },
    };
    if tokio::time::timeout(grace, jobs).await.is_err() {
        tracing::warn!("background jobs still running after the grace period: stopping anyway");
    }
    result
}

fn jobs_config(cfg: &Config) -> coso_jobs::JobsConfig {
    let d = coso_jobs::JobsConfig::default();
    let m = &cfg.mail;
    let smtp = m.smtp_host.as_ref().map(|host| coso_jobs::SmtpConfig {
        host: host.clone(),
        port: m.smtp_port.unwrap_or(if m.starttls.unwrap_or(false) { 587 } else { 25 }),
        from: m.from.clone().unwrap_or_else(|| "coso <khong-tra-loi@localhost>".into()),
        starttls: m.starttls.unwrap_or(false),
        username: m.username.clone(),
        password: m.password.clone(),
    });
    let j = &cfg.jobs;
    coso_jobs::JobsConfig {
        offsets: m.reminder_days.clone().unwrap_or(d.offsets.clone()),
        tick: j.tick_seconds.map_or(d.tick, Duration::from_secs),
        daily_at: j.daily_at.unwrap_or(d.daily_at),
        base_url: m.base_url.clone(),
        smtp,
        ..d
    }
}

fn web_settings(cfg: &Config) -> coso_web::WebSettings {
    let d = coso_web::WebSettings::default();
    coso_web::WebSettings {
        secure_cookies: cfg.secure_cookies,
        session_hours: cfg.web.session_hours.unwrap_or(d.session_hours),
        login_attempts_per_minute: cfg.limits.sign_in_per_ip_per_minute.unwrap_or(d.login_attempts_per_minute),
        password_resets_per_ip_per_hour: cfg
            .limits
            .password_reset_per_ip_per_hour
            .unwrap_or(d.password_resets_per_ip_per_hour),
        intake_per_ip_per_minute: cfg.limits.intake_per_ip_per_minute.unwrap_or(d.intake_per_ip_per_minute),
        max_upload_bytes: cfg.web.max_upload_bytes.unwrap_or(d.max_upload_bytes),
        max_photo_bytes: cfg.web.max_photo_bytes.unwrap_or(d.max_photo_bytes),
        metrics_token: cfg.web.metrics_token.clone(),
        open311_api_keys: cfg.web.open311_api_keys.clone(),
        open311_client_per_minute: cfg.limits.open311_client_per_minute.unwrap_or(d.open311_client_per_minute),
    }
}

fn app_settings(cfg: &Config) -> AppSettings {
    let d = AppSettings::default();
    let l = &cfg.limits;
    let sign_in = coso_app::accounts::SignInLimits {
        failures_per_address: l.sign_in_failures_per_address.unwrap_or(d.sign_in.failures_per_address),
        failures_per_account: l.sign_in_failures_per_account.unwrap_or(d.sign_in.failures_per_account),
        backoff_cap: l.sign_in_backoff_cap_minutes.map_or(d.sign_in.backoff_cap, chrono::Duration::minutes),
    };
    let password_reset = coso_app::accounts::ResetSettings {
        link_lifetime: l.password_reset_link_minutes.map_or(d.password_reset.link_lifetime, chrono::Duration::minutes),
        per_account_per_hour: l.password_reset_per_account_per_hour.unwrap_or(d.password_reset.per_account_per_hour),
    };
    let reception = coso_domain::reception::Rules {
        deputy_counts_before_tcd6: cfg
            .reception
            .deputy_counts_before_2026_07_01
            .unwrap_or(d.reception.deputy_counts_before_tcd6),
    };
    let email_verification = coso_app::accounts::VerificationSettings {
        link_lifetime: l
            .email_verification_link_hours
            .map_or(d.email_verification.link_lifetime, chrono::Duration::hours),
        ..d.email_verification
    };
    // A case's files are uploads like any other: the same configured limit.
    let case_file_limit = cfg.web.max_upload_bytes;
    AppSettings {
        sign_in,
        password_reset,
        email_verification,
        base_url: cfg.mail.base_url.clone(),
        reception,
        case_file_limit,
        disclosure: coso_domain::disclosure::compliance::Rules {
            posting_min_days: l.disclosure_posting_min_days.unwrap_or(d.disclosure.posting_min_days),
            publish_within_days: l.disclosure_publish_within_days.unwrap_or(d.disclosure.publish_within_days),
        },
        retention: coso_app::cases::Retention {
            closed_case_days: l.closed_case_personal_data_days.unwrap_or(d.retention.closed_case_days),
        },
        conventions: coso_domain::convention::ReviewRules {
            window_days: l.convention_review_window_days.unwrap_or(d.conventions.window_days),
            ..d.conventions
        },
        election: coso_domain::election::Rules {
            base: l.election_threshold_base.unwrap_or(d.election.base),
            comparison: l.election_threshold_comparison.unwrap_or(d.election.comparison),
            ..d.election
        },
        conference_window: coso_domain::conference::Window {
            from_month: l.conference_window_from_month.unwrap_or(d.conference_window.from_month),
            to_month: l.conference_window_to_month.unwrap_or(d.conference_window.to_month),
        },
        decisions: coso_domain::decision::Rules {
            invitation_days_before: l.decision_invitation_days_before.unwrap_or(d.decisions.invitation_days_before),
            reminder_days_before: l.decision_reminder_days_before.unwrap_or(d.decisions.reminder_days_before),
            election_comparison: l.election_threshold_comparison.unwrap_or(d.decisions.election_comparison),
        },
    }
}
