//! Building a large workspace for `smw bench`: tickets and comments through the real,
//! audited write path (validation, keys, audit chain, search index), many to a transaction.

use crate::demo::Dice;
use crate::error::StoreResult;
use crate::workspace::Workspace;
use crate::write::Actor;
use crate::{comments, directory, tickets};
use smw_core::comment::CommentDraft;
use smw_core::directory::{GroupDraft, PersonDraft};
use smw_core::priority::Level;
use smw_core::ticket::TicketDraft;
use smw_core::Timestamp;
use uuid::Uuid;

/// Tickets per transaction: large enough that commits (each an fsync) do not dominate.
const CHUNK: usize = 20_000;
/// A word that appears in a handful of tickets, for the rare-term search figure.
pub const RARE_WORD: &str = "zeppelin";
/// A word in every ticket, for the common-term search figure.
pub const COMMON_WORD: &str = "user";

const WORDS: [&str; 24] = [
    "printer", "network", "laptop", "mailbox", "password", "vpn", "server", "backup", "invoice", "report", "screen",
    "license", "update", "slow", "error", "access", "login", "disk", "router", "phone", "calendar", "crash", "timeout",
    "share",
];

/// Adds `tickets` tickets with `comments_each` comments each; returns how many records were written.
pub fn build(
    ws: &Workspace,
    now: Timestamp,
    tickets: usize,
    comments_each: usize,
    progress: &mut dyn FnMut(usize),
) -> StoreResult<u64> {
    let system = Actor::system("smw bench");
    let (groups, people) = ws.write(&system, now, |w| {
        let mut groups = Vec::new();
        for n in 0..8 {
            groups
                .push(directory::create_group(w, GroupDraft { name: format!("Group {n}"), ..Default::default() })?.id);
        }
        let mut people = Vec::new();
        for n in 0..50 {
            let draft = PersonDraft {
                name: format!("Agent {n}"),
                email: String::new(),
                group_ids: vec![groups[n % 8]],
                ..Default::default()
            };
            people.push(directory::create_person(w, draft)?.id);
        }
        Ok((groups, people))
    })?;
    let mut written = 58u64;
    let mut dice = Dice::new(42);
    let start = now.millis() - tickets as i64 * 1_000;
    let mut done = 0;
    while done < tickets {
        let chunk = CHUNK.min(tickets - done);
        ws.write(&system, now, |w| {
            for n in done..done + chunk {
                let agent = people[dice.below(people.len())];
                let actor = Actor { id: Some(agent), name: String::new() };
                w.act_as(&actor, Timestamp::from_millis(start + n as i64 * 1_000).expect("in range"));
                let draft = ticket_draft(&mut dice, n, &groups, &people);
                let ticket = tickets::create(w, draft)?;
                for c in 0..comments_each {
                    let body = format!(
                        "{} {} checked the {} again (note {c})",
                        COMMON_WORD,
                        sentence(&mut dice),
                        WORDS[c % WORDS.len()]
                    );
                    comments::add(w, &ticket.key, CommentDraft { body, internal: c % 2 == 1 })?;
                }
            }
            Ok(())
        })?;
        done += chunk;
        written += (chunk * (1 + comments_each)) as u64;
        progress(done);
    }
    Ok(written)
}

fn ticket_draft(dice: &mut Dice, n: usize, groups: &[Uuid], people: &[Uuid]) -> TicketDraft {
    let levels = [Level::High, Level::Medium, Level::Low];
    let rare = if n % 250_000 == 7 { format!(" {RARE_WORD}") } else { String::new() };
    TicketDraft {
        kind: None,
        title: format!("{} {} {}{rare}", WORDS[dice.below(WORDS.len())], WORDS[dice.below(WORDS.len())], n),
        description: format!("The {COMMON_WORD} reports: {}.", sentence(dice)),
        caller_id: Some(people[dice.below(people.len())]),
        customer_id: None,
        service_id: None,
        category: String::new(),
        impact: levels[dice.below(3)],
        urgency: levels[dice.below(3)],
        assignee_id: Some(people[dice.below(people.len())]),
        group_id: Some(groups[dice.below(groups.len())]),
        affected_ci_ids: Vec::new(),
    }
}

fn sentence(dice: &mut Dice) -> String {
    (0..8).map(|_| WORDS[dice.below(WORDS.len())]).collect::<Vec<_>>().join(" ")
}
