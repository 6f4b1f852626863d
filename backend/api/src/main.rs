use clap::{Parser, Subcommand};
use xingguang::commands;
use xingguang::settings::Settings;
use xingguang_db::models::user::Role;

/// Xingguang (星光) community-service platform.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    settings: Settings,
}

#[derive(Subcommand)]
enum Command {
    /// Run the API server and the dashboard (the default).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo community, its demo logins and a synthetic registry (idempotent).
    SeedDemo {
        /// How many residents to generate (default 7,355, as in the community); households follow
        /// the demo's average size. Use a large number for benchmarks.
        #[arg(long)]
        residents: Option<usize>,
    },
    /// Re-seal all personal data under the first key of XINGGUANG_DATA_KEYS and recompute the
    /// blind indexes (after adding a new key, or changing XINGGUANG_INDEX_KEY).
    RotateKey,
    /// Print a new XINGGUANG_DATA_KEYS / XINGGUANG_INDEX_KEY pair.
    GenerateKeys,
    /// Print the OpenAPI document to standard output.
    Openapi,
    /// Time the duty-roster generator on synthetic leaders for a whole year, without a database,
    /// and print the fairness it reached (JSON; see bench/activities_bench.py).
    BenchRoster {
        #[arg(long, default_value_t = 24)]
        leaders: usize,
        #[arg(long, default_value_t = 2027)]
        year: i32,
        /// Nights off between two duties.
        #[arg(long, default_value_t = 3)]
        rest: i64,
        /// Leaders per night.
        #[arg(long, default_value_t = 2)]
        per_night: usize,
    },
    /// Create a community.
    CreateCommunity {
        #[arg(long)]
        name: String,
        #[arg(long)]
        province: String,
        #[arg(long)]
        city: String,
        #[arg(long)]
        county: String,
    },
    /// Create a user. The password comes from XINGGUANG_NEW_PASSWORD or standard input.
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// resident, group_leader, staff or partner.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The community's name; defaults to the demo community.
        #[arg(long)]
        community: Option<String>,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| "expected resident, group_leader, staff or partner".to_owned())
}

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let cli = Cli::parse();
    let settings = cli.settings;
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Openapi = command {
        print!("{}", xingguang::openapi::to_committed_json(&xingguang::openapi::document()));
        return std::process::ExitCode::SUCCESS;
    }
    if let Command::BenchRoster { leaders, year, rest, per_night } = command {
        println!("{}", commands::bench_roster(leaders, year, rest, per_night));
        return std::process::ExitCode::SUCCESS;
    }
    if let Command::GenerateKeys = command {
        commands::generate_keys();
        return std::process::ExitCode::SUCCESS;
    }
    let result = actix_web::rt::System::new().block_on(async move {
        match command {
            Command::Serve => commands::serve(settings).await,
            Command::Migrate => commands::migrate(settings).await,
            Command::SeedDemo { residents } => commands::seed_demo(settings, residents).await,
            Command::CreateCommunity { name, province, city, county } => {
                commands::create_community(settings, name, province, city, county).await
            }
            Command::CreateUser { username, display_name, role, community } => {
                commands::create_user(settings, username, display_name, role, community).await
            }
            Command::RotateKey => commands::rotate_key(settings).await,
            Command::Openapi | Command::GenerateKeys | Command::BenchRoster { .. } => Ok(()),
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
