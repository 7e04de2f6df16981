//! The closure rules, case by case.

use super::*;
use crate::domain::types::{Outcome, TargetGroup};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}
fn t(y: i32, m: u32, dd: u32, h: u32) -> NaiveDateTime {
    d(y, m, dd).and_hms_opt(h, 0, 0).unwrap()
}
fn cand(id: i64, mentor: bool, last: Option<NaiveDateTime>, name: &str) -> Candidate {
    Candidate {
        citizen_id: id,
        mentor,
        last_contact: last,
        name_key: name.into(),
    }
}

#[test]
fn call_list_puts_mentor_citizens_first_then_longest_since_contact() {
    let list = vec![
        cand(1, false, Some(t(2026, 11, 20, 9)), "anna"),
        cand(2, false, None, "bo"),
        cand(3, true, Some(t(2026, 11, 22, 9)), "carl"),
        cand(4, false, Some(t(2026, 6, 1, 9)), "dorte"),
        cand(5, true, None, "emil"),
        cand(6, false, None, "aage"),
        cand(7, true, Some(t(2026, 1, 1, 9)), "finn"),
    ];
    let ids: Vec<i64> = call_order(list).iter().map(|c| c.citizen_id).collect();
    // Mentors: never contacted (5), oldest (7), newest (3). Then the others: never
    // contacted by name (6 aage, 2 bo), then 1 June (4), then 20 November (1).
    assert_eq!(ids, vec![5, 7, 3, 6, 2, 4, 1]);
}

#[test]
fn call_list_of_nobody_is_empty_and_ties_go_by_id() {
    assert!(call_order(vec![]).is_empty());
    let ids: Vec<i64> = call_order(vec![cand(9, false, None, "x"), cand(3, false, None, "x")])
        .iter()
        .map(|c| c.citizen_id)
        .collect();
    assert_eq!(ids, vec![3, 9]);
}

#[test]
fn not_reached_is_retried_the_next_working_day() {
    // Friday 27 November 2026: the retry is Monday 30 November.
    let s = call_state(&[AttemptFact {
        at: t(2026, 11, 27, 10),
        result: CallResult::NoAnswer,
        accepted: None,
        answers: Default::default(),
    }]);
    assert_eq!(s.attempts, 1);
    assert!(!s.reached);
    assert_eq!(s.next_try, Some(d(2026, 11, 30)));
    assert_eq!(CallBand::of(&s, d(2026, 11, 27)), CallBand::LaterRetry);
    assert_eq!(CallBand::of(&s, d(2026, 11, 30)), CallBand::DueRetry);
    let m = call_state(&[AttemptFact {
        at: t(2026, 11, 23, 10),
        result: CallResult::MessageLeft,
        accepted: None,
        answers: Default::default(),
    }]);
    assert_eq!(m.next_try, Some(d(2026, 11, 24)));
}

#[test]
fn a_retry_skips_the_danish_days_off() {
    let no_answer = |at| {
        call_state(&[AttemptFact {
            at,
            result: CallResult::NoAnswer,
            accepted: None,
            answers: Default::default(),
        }])
    };
    // Juleaftensdag 2026 (Thursday): juledag, 2. juledag and the weekend follow.
    assert_eq!(
        no_answer(t(2026, 12, 24, 10)).next_try,
        Some(d(2026, 12, 28))
    );
    // Skærtorsdag's eve 2026: Wednesday 1 April → Tuesday 7 April.
    assert_eq!(no_answer(t(2026, 4, 1, 10)).next_try, Some(d(2026, 4, 7)));
    // A municipality that works on juleaftensdag: the retry from the 23rd is the 24th.
    let cal = crate::domain::workdays::Calendar::new(
        crate::domain::workdays::LocalDayOff::defaults()
            .into_iter()
            .filter(|l| l.day != 24)
            .collect(),
    );
    let s = call_state_in(
        &[AttemptFact {
            at: t(2026, 12, 23, 10),
            result: CallResult::MessageLeft,
            accepted: None,
            answers: Default::default(),
        }],
        &cal,
    );
    assert_eq!(s.next_try, Some(d(2026, 12, 24)));
}

#[test]
fn reached_ends_the_retries_and_the_latest_answer_counts() {
    let s = call_state(&[
        AttemptFact {
            at: t(2026, 11, 24, 9),
            result: CallResult::Reached,
            accepted: Some(true),
            answers: Default::default(),
        },
        AttemptFact {
            at: t(2026, 11, 23, 9),
            result: CallResult::NoAnswer,
            accepted: None,
            answers: Default::default(),
        },
        AttemptFact {
            at: t(2026, 11, 25, 9),
            result: CallResult::NoAnswer,
            accepted: None,
            answers: Default::default(),
        },
    ]);
    assert_eq!(s.attempts, 3);
    assert!(s.reached);
    assert_eq!(s.accepted, Some(true));
    assert_eq!(s.next_try, None);
    assert_eq!(s.last_result, Some(CallResult::NoAnswer));
    assert_eq!(CallBand::of(&s, d(2026, 11, 26)), CallBand::Reached);
    let changed = call_state(&[
        AttemptFact {
            at: t(2026, 11, 23, 9),
            result: CallResult::Reached,
            accepted: Some(false),
            answers: Default::default(),
        },
        AttemptFact {
            at: t(2026, 11, 24, 9),
            result: CallResult::Reached,
            accepted: Some(true),
            answers: Default::default(),
        },
    ]);
    assert_eq!(changed.accepted, Some(true));
}

#[test]
fn wrong_number_waits_and_nothing_tried_is_not_called() {
    let s = call_state(&[AttemptFact {
        at: t(2026, 11, 23, 9),
        result: CallResult::WrongNumber,
        accepted: None,
        answers: Default::default(),
    }]);
    assert_eq!(s.next_try, None);
    assert_eq!(CallBand::of(&s, d(2026, 11, 30)), CallBand::WrongNumber);
    assert_eq!(
        CallBand::of(&call_state(&[]), d(2026, 11, 23)),
        CallBand::NotCalled
    );
    for b in CallBand::ALL {
        assert_eq!(CallBand::from_index(b.index()), Some(b));
    }
}

#[test]
fn result_words_parse_in_both_languages() {
    assert_eq!(CallResult::parse("reached"), Ok(CallResult::Reached));
    assert_eq!(CallResult::parse("Intet svar"), Ok(CallResult::NoAnswer));
    assert_eq!(
        CallResult::parse("besked lagt"),
        Ok(CallResult::MessageLeft)
    );
    assert_eq!(
        CallResult::parse("forkert nummer"),
        Ok(CallResult::WrongNumber)
    );
    let e = CallResult::parse("busy").unwrap_err();
    assert!(e.contains("unknown result 'busy'"), "{e}");
    assert!(
        e.contains("reached, no_answer, message_left, wrong_number"),
        "{e}"
    );
    assert_eq!(CallResult::WrongNumber.outcome(), Outcome::NotReached);
    assert_eq!(CallResult::MessageLeft.outcome(), Outcome::MessageLeft);
}

#[test]
fn rounding_is_to_one_decimal_half_up() {
    assert_eq!(Tenths::percent(2, 3).to_string(), "66.7");
    assert_eq!(Tenths::percent(1, 3).to_string(), "33.3");
    assert_eq!(Tenths::percent(1, 16).to_string(), "6.3"); // 6.25
    assert_eq!(Tenths::percent(3, 3).to_string(), "100.0");
    assert_eq!(Tenths::percent(0, 7).to_string(), "0.0");
    assert_eq!(Tenths::percent(5, 0).to_string(), "0.0");
    assert_eq!(Tenths::ratio(5, 2, 1).to_string(), "2.5");
    assert_eq!(Tenths::ratio(7, 3, 1).to_string(), "2.3");
    assert_eq!(Tenths::percent(2, 3).fmt(true), "66,7");
}

#[test]
fn report_has_every_group_then_all_with_exact_figures() {
    let counts = [
        RawCounts {
            group: TargetGroup::Dagpenge,
            newcomer: false,
            counts: GroupCounts {
                citizens: 3,
                reached: 2,
                accepted: 1,
                attempts: 5,
                asked: 2,
                reached_by_call: 2,
                ..GroupCounts::default()
            },
        },
        RawCounts {
            group: TargetGroup::KontanthjaelpJobparat,
            newcomer: false,
            counts: GroupCounts {
                citizens: 3,
                reached: 3,
                accepted: 2,
                attempts: 3,
                asked: 3,
                reached_by_call: 3,
                ..GroupCounts::default()
            },
        },
        RawCounts {
            group: TargetGroup::Sygedagpenge,
            newcomer: false,
            counts: GroupCounts {
                citizens: 1,
                reached: 0,
                accepted: 0,
                attempts: 2,
                asked: 0,
                ..GroupCounts::default()
            },
        },
    ];
    let rows = report_rows(&counts);
    assert_eq!(rows.len(), 11);
    let keys: Vec<&str> = rows.iter().map(|r| r.key()).collect();
    assert_eq!(
        keys,
        [
            "dagpenge",
            "kontanthjaelp_jobparat",
            "kontanthjaelp_aktivitetsparat",
            "uddannelsesparat",
            "sygedagpenge",
            "jobafklaring",
            "ressourceforloeb",
            "ledighedsydelse",
            "revalidering",
            "other",
            "all"
        ]
    );
    let csv: Vec<String> = rows
        .iter()
        .map(|r| report_csv_record(r, false, "all")[..8].join(","))
        .collect();
    assert_eq!(csv[0], "dagpenge,3,2,66.7,1,50.0,2.5,2");
    assert_eq!(csv[1], "kontanthjaelp_jobparat,3,3,100.0,2,66.7,1.0,3");
    // Two calls, nobody reached: the ratio of nothing is 0.0.
    assert_eq!(csv[4], "sygedagpenge,1,0,0.0,0,0.0,0.0,0");
    // A group with no citizens.
    assert_eq!(csv[2], "kontanthjaelp_aktivitetsparat,0,0,0.0,0,0.0,0.0,0");
    // All: 7 citizens, 5 reached (71.4), 3 accepted of 5 asked (60.0), 10 attempts / 5 = 2.0.
    assert_eq!(csv[10], "all,7,5,71.4,3,60.0,2.0,5");
}

#[test]
fn ranges_and_conversions() {
    assert!(check_range(d(2026, 11, 23), d(2026, 11, 23)).is_ok());
    assert!(
        check_range(d(2026, 11, 24), d(2026, 11, 23))
            .unwrap_err()
            .contains("after")
    );
    assert!(
        check_range(d(2026, 1, 1), d(2062, 1, 1))
            .unwrap_err()
            .contains("at most 366")
    );
    assert_eq!(
        range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 11, 27)),
        (d(2026, 11, 23), d(2026, 11, 27))
    );
    assert_eq!(
        range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 12, 20)),
        (d(2026, 11, 23), d(2026, 12, 4))
    );
    assert_eq!(
        range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 11, 1)),
        (d(2026, 11, 23), d(2026, 11, 23))
    );
    let (f, to) = (d(2026, 11, 23), d(2026, 12, 4));
    assert!(needs_conversion(
        Status::Planned,
        Channel::InPerson,
        t(2026, 12, 4, 15),
        f,
        to
    ));
    assert!(needs_conversion(
        Status::Planned,
        Channel::HomeVisit,
        t(2026, 11, 23, 8),
        f,
        to
    ));
    assert!(!needs_conversion(
        Status::Planned,
        Channel::Walk,
        t(2026, 11, 24, 8),
        f,
        to
    ));
    assert!(!needs_conversion(
        Status::Held,
        Channel::InPerson,
        t(2026, 11, 24, 8),
        f,
        to
    ));
    assert!(!needs_conversion(
        Status::Planned,
        Channel::InPerson,
        t(2026, 12, 5, 8),
        f,
        to
    ));
    assert_eq!(converted_channel(Kind::Conversation), Channel::Phone);
    assert_eq!(converted_channel(Kind::MentorVisit), Channel::Walk);
    assert!(check_conversion(Kind::Conversation, Channel::Video).is_ok());
    assert!(check_conversion(Kind::Conversation, Channel::Walk).is_err());
    assert!(
        check_conversion(Kind::MentorVisit, Channel::InPerson)
            .unwrap_err()
            .contains("use walk or phone")
    );
}

#[test]
fn progress_counts_each_band() {
    let mut p = Progress::default();
    p.add(CallBand::Reached, 2, 1, 3);
    p.add(CallBand::DueRetry, 1, 0, 1);
    p.add(CallBand::NotCalled, 1, 0, 0);
    p.add(CallBand::WrongNumber, 1, 0, 1);
    assert_eq!(
        p,
        Progress {
            on_list: 5,
            reached: 2,
            accepted: 1,
            attempts: 5,
            due_retries: 1,
            not_called: 1,
            later_retries: 0,
            wrong_number: 1
        }
    );
    assert_eq!(p.reached_pct().to_string(), "40.0");
}

#[test]
fn every_target_group_has_a_2020_group_and_newcomers_are_nyledige() {
    use TargetGroup::*;
    assert_eq!(Group2020::of(Dagpenge, false), Group2020::OevrigeJobparate);
    assert_eq!(
        Group2020::of(KontanthjaelpJobparat, false),
        Group2020::OevrigeJobparate
    );
    assert_eq!(
        Group2020::of(KontanthjaelpAktivitetsparat, false),
        Group2020::AktivitetsparateKontanthjaelpsmodtagere
    );
    assert_eq!(
        Group2020::of(Uddannelsesparat, false),
        Group2020::UngePaaUddannelseshjaelp
    );
    assert_eq!(
        Group2020::of(Sygedagpenge, false),
        Group2020::Sygedagpengemodtagere
    );
    assert_eq!(
        Group2020::of(Ressourceforloeb, false),
        Group2020::Ressourceforloeb
    );
    for g in TargetGroup::ALL {
        assert_eq!(Group2020::of(*g, true), Group2020::Nyledige, "{g}");
    }
    assert_eq!(
        Group2020::unmapped(),
        [Jobafklaring, Ledighedsydelse, Revalidering, Other]
    );
}

#[test]
fn the_2020_rows_fold_groups_and_accepted_is_of_those_asked() {
    let c = |citizens, reached, asked, accepted| GroupCounts {
        citizens,
        reached,
        asked,
        accepted,
        attempts: reached,
        ..GroupCounts::default()
    };
    let counts = [
        RawCounts {
            group: TargetGroup::Dagpenge,
            newcomer: false,
            counts: c(4, 4, 2, 1),
        },
        RawCounts {
            group: TargetGroup::KontanthjaelpJobparat,
            newcomer: false,
            counts: c(2, 1, 1, 1),
        },
        RawCounts {
            group: TargetGroup::Dagpenge,
            newcomer: true,
            counts: c(3, 2, 2, 2),
        },
        RawCounts {
            group: TargetGroup::Jobafklaring,
            newcomer: false,
            counts: c(1, 0, 0, 0),
        },
    ];
    let rows = report_rows_by(Grouping::Y2020, &counts);
    let keys: Vec<&str> = rows.iter().map(|r| r.key()).collect();
    assert_eq!(
        keys,
        [
            "nyledige",
            "oevrige_jobparate",
            "sygedagpengemodtagere",
            "aktivitetsparate_kontanthjaelpsmodtagere",
            "unge_paa_uddannelseshjaelp",
            "ressourceforloeb",
            "andre",
            "all"
        ]
    );
    assert_eq!(rows[0].counts.citizens, 3);
    // Øvrige jobparate: dagpenge (not the newcomers) and jobparat: 6 citizens, 5 reached,
    // 3 asked, 2 accepted: 66.7 % of those asked (not 40.0 % of those reached).
    let o = rows[1];
    assert_eq!((o.counts.citizens, o.counts.reached), (6, 5));
    assert_eq!(o.accepted_pct().to_string(), "66.7");
    assert_eq!(rows[6].counts.citizens, 1);
    assert_eq!(rows[7].counts.citizens, 10);
    assert_eq!(rows[7].accepted_pct().to_string(), "80.0");
}

#[test]
fn reception_shares_are_of_those_who_answered() {
    let row = ReportRow {
        group: RowGroup::All,
        counts: GroupCounts {
            citizens: 10,
            reached: 8,
            received: [3, 2, 1, 0],
            matched: 2,
            ..GroupCounts::default()
        },
    };
    assert_eq!(row.counts.answered(), 6);
    assert_eq!(
        row.received_pct(Reception::VeryPositive).to_string(),
        "50.0"
    );
    assert_eq!(row.received_pct(Reception::Neutral).to_string(), "16.7");
    assert_eq!(row.received_pct(Reception::Negative).to_string(), "0.0");
    let rec = report_csv_record(&row, true, "Alle");
    assert_eq!(rec[0], "Alle");
    assert_eq!(rec[8..], ["6", "50,0", "33,3", "16,7", "0,0", "2"]);
}

#[test]
fn answers_are_the_latest_given_on_a_reaching_call() {
    let fact = |h, result, received, matched| AttemptFact {
        at: t(2026, 11, 23, h),
        result,
        accepted: None,
        answers: CallAnswers { received, matched },
    };
    let s = call_state(&[
        fact(9, CallResult::Reached, Some(Reception::Neutral), None),
        fact(
            10,
            CallResult::Reached,
            Some(Reception::Positive),
            Some(true),
        ),
        fact(11, CallResult::Reached, None, None),
    ]);
    assert_eq!(
        (s.received, s.matched),
        (Some(Reception::Positive), Some(true))
    );
    assert_eq!(
        Reception::parse("meget positivt"),
        Ok(Reception::VeryPositive)
    );
    assert_eq!(Reception::from_digit('4'), Some(Reception::Negative));
}

#[test]
fn which_contacts_reach_a_citizen_and_which_deadlines_were_paused() {
    use crate::domain::types::Channel;
    assert!(contact_reaches(Channel::Walk, Outcome::Held));
    assert!(contact_reaches(Channel::HomeVisit, Outcome::Held));
    assert!(contact_reaches(Channel::Video, Outcome::Reached));
    assert!(!contact_reaches(Channel::Email, Outcome::Reached));
    assert!(!contact_reaches(Channel::Phone, Outcome::NotReached));
    assert!(!contact_reaches(Channel::Walk, Outcome::NoShow));
    let end = d(2026, 12, 4);
    assert!(was_paused(d(2026, 11, 30), d(2026, 12, 11), end));
    assert!(!was_paused(d(2026, 11, 9), d(2026, 11, 9), end));
    assert!(!was_paused(d(2026, 12, 20), d(2026, 12, 29), end));
}
