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
        assert!(within_closures(true, false));
        assert!(!within_closures(true, true));
        assert!(!within_closures(false, false));
    }
}
