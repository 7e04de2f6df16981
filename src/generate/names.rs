//! Lists of common Danish first and last names. Every person made from them is fictional.

use crate::domain::TargetGroup;

pub const FIRST_FEMALE: &[&str] = &[
    "Anne",
    "Kirsten",
    "Mette",
    "Hanne",
    "Helle",
    "Anna",
    "Susanne",
    "Lene",
    "Maria",
    "Marianne",
    "Lone",
    "Camilla",
    "Pia",
    "Louise",
    "Charlotte",
    "Tina",
    "Gitte",
    "Bente",
    "Ida",
    "Emma",
    "Sofie",
    "Julie",
    "Freja",
    "Laura",
    "Signe",
    "Karen",
    "Inger",
    "Birgitte",
    "Rikke",
    "Line",
    "Søs",
    "Åse",
    "Mathilde",
    "Clara",
    "Nanna",
    "Cecilie",
    "Astrid",
    "Maja",
    "Trine",
    "Dorthe",
];

pub const FIRST_MALE: &[&str] = &[
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Thomas",
    "Søren",
    "Jan",
    "Niels",
    "Christian",
    "Martin",
    "Jørgen",
    "Anders",
    "Morten",
    "Jesper",
    "Ole",
    "Mads",
    "Rasmus",
    "Per",
    "Kim",
    "Mikkel",
    "Frederik",
    "Kasper",
    "Jakob",
    "Emil",
    "Mathias",
    "Oliver",
    "Lucas",
    "William",
    "Noah",
    "Bjørn",
    "Torben",
    "Brian",
    "Kenneth",
    "Jonas",
    "Simon",
    "Steffen",
    "Bo",
    "Claus",
    "Erik",
];

pub const LAST: &[&str] = &[
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Olesen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Schmidt",
    "Eriksen",
    "Holm",
    "Kristiansen",
    "Clausen",
    "Simonsen",
    "Svendsen",
    "Andreasen",
    "Iversen",
    "Østergaard",
    "Jeppesen",
    "Vestergaard",
    "Nissen",
    "Lauridsen",
    "Kjær",
    "Jepsen",
    "Mogensen",
    "Dam",
    "Bertelsen",
    "Søndergaard",
    "Skov",
    "Brøndum",
    "Bækgaard",
];

/// Short notes of the kind a consultant writes, in Danish.
pub const NOTES_HELD: &[&str] = &[
    "Gennemgået jobplan. Søger 3 stillinger inden næste samtale.",
    "Aftalt praktik i Netto fra næste måned.",
    "Har været til samtale hos vikarbureau. Venter svar.",
    "Drøftet opkvalificering: truckcertifikat.",
    "Borger motiveret, CV opdateret på Jobnet.",
    "Helbred fylder meget; aftalt kontakt til egen læge.",
    "Status: søger bredt inden for lager og logistik.",
    "Aftalt virksomhedspraktik 13 uger, 20 t/uge.",
    "Ønsker job med kortere transport. Revideret søgeområde.",
    "Kort samtale, intet nyt. Fortsætter plan.",
    "Borger har fået tilbud om fleksjob, afventer kontrakt.",
    "Gennemgået rådighed og jobsøgning. OK.",
    "Aftalt mentor-støtte 4 t/uge.",
    "Har deltaget i jobklub to gange siden sidst.",
    "",
    "",
];

pub const NOTES_CALL: &[&str] = &[
    "Ringet op om praktikstart.",
    "Spurgt til helbred, har det bedre.",
    "Mindet om samtale i næste uge.",
    "Borger ringede: spørgsmål om ydelse, henvist til Ydelsesservice.",
    "Bekræftet mødetid.",
    "Sendt jobforslag på e-mail.",
    "",
    "",
    "",
];

pub const NOTES_MENTOR: &[&str] = &[
    "Gåtur i parken, god snak om hverdagen.",
    "Hjælp til at åbne e-Boks og svare på breve.",
    "Fulgt til tandlæge.",
    "Besøg på arbejdspladsen, det går godt.",
    "Øvet bustur til praktikstedet.",
    "Lavet ugeplan sammen.",
    "Borger træt i dag, kort besøg.",
    "",
];

/// Summaries that fit the target group (and a mentor's support).
pub fn summaries(group: TargetGroup, mentor: bool) -> &'static [&'static str] {
    use TargetGroup::*;
    if mentor
        && matches!(
            group,
            KontanthjaelpAktivitetsparat | Ressourceforloeb | Uddannelsesparat
        )
        && !MENTOR_SUMMARIES.is_empty()
    {
        return MENTOR_SUMMARIES;
    }
    match group {
        Dagpenge => DAGPENGE,
        KontanthjaelpJobparat => JOBPARAT,
        KontanthjaelpAktivitetsparat | Ressourceforloeb | Jobafklaring | Revalidering => HEALTH,
        Uddannelsesparat => EDUCATION,
        Sygedagpenge => SICK,
        Ledighedsydelse => FLEX,
        Other => SUMMARIES,
    }
}

const DAGPENGE: &[&str] = &[
    "Uddannet tømrer, søger bredt i byggeriet.",
    "Ledig kontorassistent, søger også uden for kommunen.",
    "Tidligere butiksansat. Praktik i detail aftalt.",
    "Søger job inden for lager. Kørekort B. Motiveret.",
    "Ledig efter konkurs. Opkvalificering som truckfører aftalt.",
];
const JOBPARAT: &[&str] = &[
    "Søger job inden for lager. Kørekort B. Motiveret.",
    "Enlig forsørger, kan arbejde 8–14.",
    "Dansk på niveau B1. Sprogskole to dage om ugen.",
    "Tidligere butiksansat. Praktik i detail aftalt.",
    "Søger rengøringsjob; 225 timers regel gennemgået.",
];
const HEALTH: &[&str] = &[
    "Ryg- og skulderproblemer. Afklaring af arbejdsevne i gang.",
    "Stress efter arbejdsophør. Gradvis opstart.",
    "Social angst; små skridt, praktik få timer om ugen.",
    "Helbredsoplysninger indhentet. Rehabiliteringsteam planlagt.",
    "",
];
const EDUCATION: &[&str] = &[
    "Ønsker uddannelse som SOSU-hjælper. Mangler 9. klasses matematik.",
    "Under 30, uden uddannelse. Brobygning til EUD aftalt.",
    "Søger optagelse på HF. Studiejob i weekenden.",
    "Vil være elektriker; mangler praktikplads.",
];
const SICK: &[&str] = &[
    "Sygemeldt efter knæoperation. Forventer delvis raskmelding.",
    "Sygemeldt med stress. Arbejdsgiver positiv over for gradvis tilbagevenden.",
    "Rygskade. Fastholdelsesplan drøftet med arbejdsgiver.",
    "Sygemeldt fra ledighed. Lægeattest indhentet.",
];
const FLEX: &[&str] = &[
    "Visiteret til fleksjob, 12 timer om ugen. Søger inden for administration.",
    "Fleksjob-visiteret; virksomhedspraktik med henblik på fleksjob aftalt.",
    "Tidligere fleksjob ophørt. Søger nyt på lager.",
];
const MENTOR_SUMMARIES: &[&str] = &[
    "Social angst; mentor hjælper med at komme ud. Små skridt.",
    "Mentor støtter med struktur i hverdagen og fremmøde.",
    "Mentor følger med til praktikstedet de første uger.",
];

/// The goals of a mentor agreement.
pub const MENTOR_GOALS: &[&str] = &[
    "Komme ud af huset to gange om ugen; følges til praktik.",
    "Struktur i hverdagen og fremmøde i tilbud.",
    "Fastholdelse i praktik; bustur øves.",
    "Kontakt til læge og sagsbehandler; ugeplan.",
];

pub const SUMMARIES: &[&str] = &[
    "Søger job inden for lager. Kørekort B. Motiveret.",
    "Ryg- og skulderproblemer. Afklaring af arbejdsevne i gang.",
    "Uddannet tømrer, søger bredt i byggeriet.",
    "Ønsker uddannelse som SOSU-hjælper. Mangler 9. klasses matematik.",
    "Social angst; mentor hjælper med at komme ud. Små skridt.",
    "Tidligere butiksansat. Praktik i detail aftalt.",
    "Enlig forsørger, kan arbejde 8–14.",
    "Sygemeldt efter knæoperation. Forventer delvis raskmelding.",
    "Ledig kontorassistent, søger også uden for kommunen.",
    "Dansk på niveau B1. Sprogskole to dage om ugen.",
    "Stress efter arbejdsophør. Gradvis opstart.",
    "",
];
