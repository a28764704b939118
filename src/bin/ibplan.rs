//! `ibplan`: the command-line tool over the engine (keygen, example-case, plan, sign,
//! verify). Work in progress: see issue 3.

fn main() {
    eprintln!("ibplan {}: not implemented yet", ib_planner::engine::ENGINE_VERSION);
    std::process::exit(2);
}
