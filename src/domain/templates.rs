//! Notes by conversation type: the first conversation, a follow-up, a mentor visit, a closure
//! call and an unplanned contact each get a short list of prompts ("Aftalt:", "Næste skridt:")
//! that ask only for what the minimal note needs, and snippets may be kept for some types only.
//! The lists live in the config file (Danish and English, with defaults); this module picks.

use serde::{Deserialize, Serialize};

use super::{Channel, Kind};

/// The kind of conversation a note is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteType {
    /// The citizen's first conversation (held in person).
    First,
    /// A planned conversation after the first.
    FollowUp,
    /// A mentor visit (planned as one, or an unplanned contact on a mentor's channel).
    MentorVisit,
    /// A call of a closure's call-round.
    ClosureCall,
    /// A contact that was not planned.
    Unplanned,
}

impl NoteType {
    pub const ALL: [NoteType; 5] = [
        NoteType::First,
        NoteType::FollowUp,
        NoteType::MentorVisit,
        NoteType::ClosureCall,
        NoteType::Unplanned,
    ];

    /// The key in the config file.
    pub fn key(self) -> &'static str {
        match self {
            NoteType::First => "first",
            NoteType::FollowUp => "follow_up",
            NoteType::MentorVisit => "mentor_visit",
            NoteType::ClosureCall => "closure_call",
            NoteType::Unplanned => "unplanned",
        }
    }

    pub fn of_key(key: &str) -> Option<NoteType> {
        NoteType::ALL.into_iter().find(|t| t.key() == key.trim())
    }

    /// The type of a note: a closure call first; then a mentor visit (planned as one, or
    /// unplanned on a mentor's channel); then an unplanned contact (`kind: None`); then the
    /// first conversation or a follow-up.
    pub fn of(kind: Option<Kind>, channel: Channel, is_first: bool, closure: bool) -> NoteType {
        if closure {
            return NoteType::ClosureCall;
        }
        match kind {
            Some(Kind::MentorVisit) => NoteType::MentorVisit,
            None if channel.is_mentor_channel() => NoteType::MentorVisit,
            None => NoteType::Unplanned,
            Some(Kind::Conversation) if is_first => NoteType::First,
            Some(Kind::Conversation) => NoteType::FollowUp,
        }
    }
}

/// The prompts of each type, in one language (the config holds a Danish and an English set;
/// a list left out of the file is that language's default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTemplates {
    pub first: Vec<String>,
    pub follow_up: Vec<String>,
    pub mentor_visit: Vec<String>,
    pub closure_call: Vec<String>,
    pub unplanned: Vec<String>,
}

fn list(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl NoteTemplates {
    /// The Danish defaults: only what the minimal note needs (what was agreed, the next step).
    pub fn default_da() -> NoteTemplates {
        NoteTemplates {
            first: list(&["Situation:", "Aftalt:", "Næste skridt:"]),
            follow_up: list(&["Siden sidst:", "Aftalt:", "Næste skridt:"]),
            mentor_visit: list(&["Mål arbejdet med:", "Aftalt:", "Næste besøg:"]),
            closure_call: list(&["Truffet:", "Aftalt:", "Næste skridt:"]),
            unplanned: list(&["Henvendelse om:", "Aftalt:"]),
        }
    }

    /// The English defaults.
    pub fn default_en() -> NoteTemplates {
        NoteTemplates {
            first: list(&["Situation:", "Agreed:", "Next step:"]),
            follow_up: list(&["Since last time:", "Agreed:", "Next step:"]),
            mentor_visit: list(&["Goals worked on:", "Agreed:", "Next visit:"]),
            closure_call: list(&["Reached:", "Agreed:", "Next step:"]),
            unplanned: list(&["Contact about:", "Agreed:"]),
        }
    }

    /// The prompts of a type.
    pub fn get(&self, t: NoteType) -> &[String] {
        match t {
            NoteType::First => &self.first,
            NoteType::FollowUp => &self.follow_up,
            NoteType::MentorVisit => &self.mentor_visit,
            NoteType::ClosureCall => &self.closure_call,
            NoteType::Unplanned => &self.unplanned,
        }
    }

    /// The prompts for a note on this kind of contact (see [`NoteType::of`]).
    pub fn template_for(
        &self,
        kind: Option<Kind>,
        channel: Channel,
        is_first: bool,
        closure: bool,
    ) -> &[String] {
        self.get(NoteType::of(kind, channel, is_first, closure))
    }
}

/// Snippets kept for some note types only, per type (added after the general snippets).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TypedSnippets {
    pub first: Vec<String>,
    pub follow_up: Vec<String>,
    pub mentor_visit: Vec<String>,
    pub closure_call: Vec<String>,
    pub unplanned: Vec<String>,
}

impl TypedSnippets {
    pub fn get(&self, t: NoteType) -> &[String] {
        match t {
            NoteType::First => &self.first,
            NoteType::FollowUp => &self.follow_up,
            NoteType::MentorVisit => &self.mentor_visit,
            NoteType::ClosureCall => &self.closure_call,
            NoteType::Unplanned => &self.unplanned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_chosen_by_type() {
        let da = NoteTemplates::default_da();
        let t = |k, c, first, closure| da.template_for(k, c, first, closure).to_vec();
        assert_eq!(
            t(Some(Kind::Conversation), Channel::InPerson, true, false)[0],
            "Situation:"
        );
        assert_eq!(
            t(Some(Kind::Conversation), Channel::Phone, false, false)[0],
            "Siden sidst:"
        );
        assert_eq!(
            t(Some(Kind::MentorVisit), Channel::Walk, false, false)[0],
            "Mål arbejdet med:"
        );
        assert_eq!(
            t(None, Channel::HomeVisit, false, false)[0],
            "Mål arbejdet med:"
        );
        assert_eq!(t(None, Channel::Phone, false, false)[0], "Henvendelse om:");
        assert_eq!(
            t(Some(Kind::Conversation), Channel::Phone, true, true)[0],
            "Truffet:"
        );
        for ty in NoteType::ALL {
            assert!(da.get(ty).iter().any(|p| p.starts_with("Aftalt")), "{ty:?}");
            assert!(
                NoteTemplates::default_en()
                    .get(ty)
                    .iter()
                    .any(|p| p.starts_with("Agreed"))
            );
            assert_eq!(NoteType::of_key(ty.key()), Some(ty));
        }
    }
}
