//! End to end: the real binary in a real terminal (tmux), as a user drives it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{BIN, shell_env};

pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    pub(crate) fn new(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("CI").is_err(),
                "tmux is missing: .ci/run must install it"
            );
            eprintln!("tmux not installed: skipping the end-to-end test");
            return None;
        }
        let t = Tmux {
            socket: format!("jobdesk-e2e-{name}-{}", std::process::id()),
        };
        let ok = t.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "bash --norc --noprofile",
        ]);
        assert!(ok, "tmux could not start");
        Some(t)
    }

    pub(crate) fn run(&self, args: &[&str]) -> bool {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(120));
        }
    }

    pub(crate) fn screen(&self) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(["capture-pane", "-p", "-t", "e2e"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen holds `text` (10 s at most) and returns it.
    pub(crate) fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(40),
                "never saw {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn demo_in_a_real_terminal_then_the_shell_is_usable_again() {
    let Some(t) = Tmux::new("demo") else { return };
    let (env, bin) = (shell_env(), BIN);
    let cmd = format!(
        "{env} JOBDESK_NOW=2026-11-23T09:00 LANG=en_US.UTF-8 LC_ALL= JOBDESK_DB=/nonexistent/never.db {bin} --demo; echo EXIT=$?"
    );
    t.keys(&[&cmd, "Enter"]);
    let s = t.wait_for("week 48");
    assert!(s.contains("Monday 2026-11-23"), "{s}");
    assert!(s.contains("Conversations due within 7 days"), "{s}");
    for (key, title) in [
        ("2", " Calls  ·"),
        ("3", " Mentor visits  ·"),
        ("4", " Contact log  ·"),
        ("5", " Caseload  ·"),
        ("1", " Today  ·"),
    ] {
        t.keys(&[key]);
        t.wait_for(title);
    }
    t.keys(&["?"]);
    t.wait_for("Help – keys");
    t.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!t.screen().contains("Help – keys"));
    t.keys(&["5", "/", "h", "a", "n", "s"]);
    let s = t.wait_for("filter: hans");
    assert!(
        s.lines()
            .skip(4)
            .take(3)
            .any(|l| l.to_lowercase().contains("hans")),
        "{s}"
    );
    t.keys(&["Enter"]);
    t.run(&["resize-window", "-t", "e2e", "-x", "20", "-y", "5"]);
    t.wait_for("Terminal too");
    t.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    t.wait_for("week 48");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    // The shell is back in its normal mode: it echoes and reads whole lines.
    t.keys(&[
        "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo SHELL_$((40+2))",
        "Enter",
    ]);
    let s = t.wait_for("SHELL_42");
    assert!(s.contains("icanon echo"), "terminal not restored: {s}");
    assert!(!std::path::Path::new("/nonexistent/never.db").exists());
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::new("term") else { return };
    let (env, bin) = (shell_env(), BIN);
    let cmd = format!("{env} JOBDESK_NOW=2026-11-23T09:00 {bin} --demo --lang da; echo EXIT=$?");
    t.keys(&[&cmd, "Enter"]);
    t.wait_for("uge 48");
    let out = Command::new("pkill")
        .args(["-TERM", "-f", &format!("{bin} --demo --lang da")])
        .status();
    assert!(out.map(|s| s.success()).unwrap_or(false));
    t.wait_for("EXIT=");
    t.keys(&[
        "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo SHELL_$((40+2))",
        "Enter",
    ]);
    let s = t.wait_for("SHELL_42");
    assert!(s.contains("icanon echo"), "terminal not restored: {s}");
}
