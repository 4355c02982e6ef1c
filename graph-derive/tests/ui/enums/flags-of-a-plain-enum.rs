use graph_core::{graph_complex, graph_enum, Flags};

#[graph_enum]
pub enum DayOfWeek {
    Sunday,
    Monday,
}

// `daysOfWeek` holds one member per value in Graph's metadata: a plain enum, not a set.
#[graph_complex]
pub struct Recurrence {
    pub days_of_week: Option<Flags<DayOfWeek>>,
}

fn main() {}
