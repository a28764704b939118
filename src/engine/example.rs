//! A realistic, complete example case: valid input for the planner, used by the CLI's
//! `example-case`, the UI's "try an example" and the tests. A 9-year-old in Cēsu novads
//! with functional impairments; ten services whose cost exceeds the budget, so some lines
//! are capped, partly funded or not funded.

use serde_json::{json, Value};

fn levels(texts: [&str; 5]) -> Value {
    let [a, b, c, d, e] = texts;
    json!([
        {"level": -2, "text": a},
        {"level": -1, "text": b},
        {"level": 0, "text": c},
        {"level": 1, "text": d},
        {"level": 2, "text": e}
    ])
}

/// The example case as raw input JSON.
pub fn example_case_json() -> Value {
    json!({
        "schema": "ib-case/1",
        "child": {
            "id": "CESIS-2025-017",
            "birth": "2016-04",
            "municipality": "CESU-NOV",
            "targetGroup": "FT"
        },
        "questionnaire": {
            "goals": [
                {
                    "id": "PG1",
                    "text": "Lai Anna var pateikt īsos teikumos, ko vēlas, un citi viņu saprot.",
                    "lifeDomain": "communication",
                    "importance": 10, "performance": 3, "satisfaction": 2
                },
                {
                    "id": "PG2",
                    "text": "Lai Anna pati aiziet līdz skolas autobusa pieturai.",
                    "lifeDomain": "mobility",
                    "importance": 8, "performance": 4, "satisfaction": 3
                },
                {
                    "id": "PG3",
                    "text": "Lai mamma var atgriezties darbā uz pusslodzi.",
                    "lifeDomain": "family_work",
                    "importance": 7, "performance": 2, "satisfaction": 2
                }
            ]
        },
        "team": [
            {"id": "SW", "role": "social_worker", "name": "I. Kalniņa", "assessments": [
                {"domain": "domestic_life", "qualifier": 2, "note": "Ģimene ikdienā tiek galā, bet mamma ir pārslogota."},
                {"domain": "family_work", "qualifier": 3, "note": "Mamma nestrādā kopš 2022. gada."},
                {"domain": "family_respite", "qualifier": 3}
            ]},
            {"id": "RP", "role": "rehab_physician", "name": "Dr. A. Ozols", "assessments": [
                {"domain": "mobility", "qualifier": 2, "note": "Staigā patstāvīgi, nelīdzenā virsmā nestabila."},
                {"domain": "self_care", "qualifier": 2},
                {"domain": "community_life", "qualifier": 8}
            ]},
            {"id": "PT", "role": "physiotherapist", "assessments": [
                {"domain": "mobility", "qualifier": 2, "note": "Līdzsvars un izturība samazināti."}
            ]},
            {"id": "ST", "role": "speech_therapist", "assessments": [
                {"domain": "communication", "qualifier": 3, "note": "Lieto atsevišķus vārdus un žestus."},
                {"domain": "learning", "qualifier": 2}
            ]},
            {"id": "OT", "role": "occupational_therapist", "assessments": [
                {"domain": "self_care", "qualifier": 2, "note": "Ģērbšanās ar daļēju palīdzību."},
                {"domain": "play_education", "qualifier": 1},
                {"domain": "interpersonal", "qualifier": 9}
            ]}
        ],
        "goals": [
            {
                "id": "G1", "term": "long", "parentGoals": ["PG1"], "baseline": -1, "weight": 3,
                "text": "Anna sazinās ar vienaudžiem un pieaugušajiem, izmantojot 3–4 vārdu teikumus.",
                "levels": levels([
                    "Lieto tikai žestus.",
                    "Lieto atsevišķus vārdus.",
                    "Lieto 2 vārdu frāzes ikdienas situācijās.",
                    "Lieto 3 vārdu teikumus ar ģimeni.",
                    "Lieto 3–4 vārdu teikumus arī ar svešiem cilvēkiem."
                ])
            },
            {
                "id": "G2", "term": "short", "parentGoals": ["PG1"], "baseline": -1, "weight": 2,
                "text": "Anna ar attēlu kartēm izsaka 10 pamatvajadzības.",
                "levels": levels([
                    "Neizmanto attēlu kartes.",
                    "Izmanto 3 kartes ar palīdzību.",
                    "Izmanto 10 kartes ar atgādinājumu.",
                    "Izmanto 10 kartes patstāvīgi.",
                    "Izmanto vairāk nekā 15 kartes patstāvīgi."
                ])
            },
            {
                "id": "G3", "term": "short", "parentGoals": ["PG2"], "baseline": -2, "weight": 1,
                "text": "Anna noiet 400 m līdz pieturai ar pieaugušā uzraudzību.",
                "levels": levels([
                    "Noiet mazāk par 100 m.",
                    "Noiet 200 m ar atpūtu.",
                    "Noiet 400 m ar uzraudzību.",
                    "Noiet 400 m ar attālu uzraudzību.",
                    "Noiet 400 m patstāvīgi."
                ])
            },
            {
                "id": "G4", "term": "long", "parentGoals": ["PG3"], "baseline": -1, "weight": 2,
                "text": "Ģimenei ir regulāra aprūpe, lai mamma var strādāt 20 stundas nedēļā.",
                "levels": levels([
                    "Nav aprūpes.",
                    "Aprūpe 5 stundas nedēļā.",
                    "Aprūpe 10 stundas nedēļā.",
                    "Aprūpe 10 stundas nedēļā un atelpas brīdis reizi mēnesī.",
                    "Mamma strādā 20 stundas nedēļā."
                ])
            }
        ],
        "services": [
            {"code": "SVC-PHYSIO", "quantity": 24, "expertRank": 1, "parentRank": 3},
            {"code": "SVC-SPEECH", "quantity": 24, "expertRank": 2, "parentRank": 1},
            {"code": "SVC-OT", "quantity": 12, "expertRank": 3, "parentRank": 4},
            {"code": "SVC-CHILDCARE", "quantity": 300, "expertRank": 4, "parentRank": 2,
             "note": "Vajadzība 12 h nedēļā; maksimums no 5 gadu vecuma ir 10 h nedēļā."},
            {"code": "SVC-RESPITE", "quantity": 20, "expertRank": 5, "parentRank": 5},
            {"code": "SVC-PSYCHOLOGIST", "quantity": 6, "expertRank": 6, "parentRank": 7},
            {"code": "SVC-SUPPORTGROUP", "quantity": 12, "expertRank": 7, "parentRank": 8},
            {"code": "SVC-TECHAID", "quantity": 1, "expertRank": 8, "parentRank": 6,
             "note": "Balansa dēlis un stabilizējoši apavi."},
            {"code": "SVC-TRANSPORT", "quantity": 48, "expertRank": 9, "parentRank": 9},
            {"code": "SVC-MUSICTHERAPY", "quantity": 12, "expertRank": 10, "parentRank": 10}
        ],
        "settings": {
            "startDate": "2025-09-01",
            "periodMonths": 6,
            "budget": "3800.00",
            "weights": {"expert": "0.6", "parent": "0.4"},
            "policy": "fill",
            "caps": "trim"
        }
    })
}
