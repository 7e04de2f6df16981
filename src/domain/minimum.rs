//! The one rule for what counts toward the legal minimum of conversations.
//!
//! A contact counts when it is a held conversation: not a mentor visit (by its kind or by a
//! mentor's channel: home visit, walk, workplace), not a written message (sms, e-mail, digital
//! post, letter), and not a call that only reached the citizen. A conversation held inside a closure whose held conversations do not count, does
//! not count either; the store knows the closures and applies [`within_closures`].

use super::{Channel, Kind, Outcome};

/// Whether a contact of this kind, outcome and channel counts toward the legal minimum. A log
/// entry without an appointment is judged as a conversation.
pub fn counts(kind: Kind, outcome: Outcome, channel: Channel) -> bool {
    kind == Kind::Conversation
        && outcome.can_count()
        && !channel.is_mentor_channel()
        && !channel.is_written()
}

/// Whether a conversation that would count must be held back because it is the citizen's first
/// one and was not held in person: the first conversation is held "ved personligt fremmøde"
/// (sygedagpengeloven § 13 b, stk. 1; for the LAB groups jobdesk's practice as DOMAIN.md
/// describes it). Such a conversation warns ("første samtale skal holdes ved personligt
/// fremmøde") and counts only when the consultant confirms it (`log add --counts yes`,
/// `mark --first-by-phone-ok`, or the desk's confirmation).
pub fn first_needs_in_person(
    is_first: bool,
    kind: Kind,
    outcome: Outcome,
    channel: Channel,
) -> bool {
    is_first && counts(kind, outcome, channel) && !channel.is_in_person()
}

/// Whether an entry asked to count still counts, given whether it falls in a closure whose held
/// conversations do not count.
pub fn within_closures(counts: bool, in_closure_that_does_not_count: bool) -> bool {
    counts && !in_closure_that_does_not_count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_held_conversation_counts() {
        assert!(counts(Kind::Conversation, Outcome::Held, Channel::Phone));
        assert!(counts(Kind::Conversation, Outcome::Held, Channel::InPerson));
        assert!(!counts(Kind::Conversation, Outcome::Held, Channel::Walk));
        assert!(!counts(Kind::MentorVisit, Outcome::Held, Channel::Phone));
        assert!(!counts(Kind::Conversation, Outcome::NoShow, Channel::Video));
        assert!(!counts(
            Kind::Conversation,
            Outcome::Reached,
            Channel::Phone
        ));
        for written in [
            Channel::Sms,
            Channel::Email,
            Channel::DigitalPost,
            Channel::Letter,
        ] {
            assert!(
                !counts(Kind::Conversation, Outcome::Held, written),
                "{written}"
            );
        }
        assert!(first_needs_in_person(
            true,
            Kind::Conversation,
            Outcome::Held,
            Channel::Phone
        ));
        assert!(first_needs_in_person(
            true,
            Kind::Conversation,
            Outcome::Held,
            Channel::Video
        ));
        assert!(!first_needs_in_person(
            true,
            Kind::Conversation,
            Outcome::Held,
            Channel::InPerson
        ));
        assert!(!first_needs_in_person(
            false,
            Kind::Conversation,
            Outcome::Held,
            Channel::Phone
        ));
        assert!(!first_needs_in_person(
            true,
            Kind::Conversation,
            Outcome::NoShow,
            Channel::Phone
        ));
        assert!(within_closures(true, false));
        assert!(!within_closures(true, true));
        assert!(!within_closures(false, false));
    }
}
