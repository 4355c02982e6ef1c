//! Graph's flags enums (`IsFlags` in the metadata): a property holding a set of members,
//! written as one JSON string of their names joined by `,`.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Visitor};

use crate::__private::validate::{PropertyPath, Violations};
use crate::__private::value::{GraphValue, Mode, TypeWalk};
use crate::resource::{GraphEnum, GraphFlags};
use crate::validation::ViolationKind;
use crate::values::ValueError;

/// A set of a flags enum's members (an `IsFlags` Graph enum, declared
/// `#[graph_enum(flags)]`): `"sunday,saturday"` in JSON.
///
/// Written with the declared members in declaration order, joined by `,` without spaces,
/// whatever order they were inserted or read in; members the code does not know (kept
/// where the enum has an `#[graph(other)]` variant) come after them, as read. Read in any
/// order and ASCII case, with or without spaces after the commas (Graph's pages write
/// both); a member named twice is kept once; `""` is the empty set. A member the enum does
/// not declare becomes its `other` variant, else its `unknownFutureValue` sentinel (which
/// validation refuses to send, as for a plain enum field), else an error naming it.
///
/// ```
/// use graph_core::{graph_enum, serde_json, Flags};
///
/// #[graph_enum(flags)]
/// #[derive(Debug, Clone, PartialEq)]
/// pub enum DayOfWeek {
///     Sunday,
///     Monday,
///     Saturday,
/// }
///
/// let days: Flags<DayOfWeek> = serde_json::from_str(r#""Saturday, sunday""#)?;
/// assert!(days.contains(&DayOfWeek::Sunday));
/// assert_eq!(serde_json::to_string(&days)?, r#""sunday,saturday""#);
///
/// let weekdays: Flags<DayOfWeek> = [DayOfWeek::Monday].into_iter().collect();
/// assert_eq!(weekdays.to_string(), "monday");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct Flags<E: GraphFlags> {
    /// Each member once: the declared ones in declaration order, then the others as added.
    members: Vec<E>,
}

impl<E: GraphFlags> Flags<E> {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            members: Vec::new(),
        }
    }

    /// How many members the set holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the set holds no member.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members, declared ones in declaration order first.
    pub fn iter(&self) -> std::slice::Iter<'_, E> {
        self.members.iter()
    }

    /// Whether the set holds `member` (by its JSON name, in any ASCII case, as members
    /// are read: an `other` variant holding a declared member's name is that member).
    #[must_use]
    pub fn contains(&self, member: &E) -> bool {
        let name = member.as_str();
        self.members
            .iter()
            .any(|held| held.as_str().eq_ignore_ascii_case(name))
    }

    /// Adds `member`; `false` where the set held it already (the set is unchanged).
    pub fn insert(&mut self, member: E) -> bool {
        if self.contains(&member) {
            return false;
        }
        let rank = rank(&member);
        let at = self
            .members
            .iter()
            .position(|held| rank < self::rank(held))
            .unwrap_or(self.members.len());
        self.members.insert(at, member);
        true
    }

    /// Takes `member` out; `false` where the set did not hold it.
    pub fn remove(&mut self, member: &E) -> bool {
        let name = member.as_str();
        match self
            .members
            .iter()
            .position(|held| held.as_str().eq_ignore_ascii_case(name))
        {
            Some(at) => {
                self.members.remove(at);
                true
            }
            None => false,
        }
    }

    /// Reads Graph's text (`"a,b"`, `"b, A"`, `""`), in time that grows as `n log n` with
    /// its members however many are unknown or repeated.
    fn parse(text: &str) -> Result<Self, FlagsError> {
        if text.trim_matches(is_space).is_empty() {
            return Ok(Self::new());
        }
        let mut seen = std::collections::HashSet::new();
        let mut ranked = Vec::new();
        for name in text.split(',') {
            let name = name.trim_matches(is_space);
            if name.is_empty() {
                return Err(FlagsError::Empty);
            }
            let Some(member) = E::from_member(name) else {
                return Err(FlagsError::Unknown(name.to_owned()));
            };
            if seen.insert(member.as_str().to_ascii_lowercase()) {
                ranked.push((rank(&member), member));
            }
        }
        // Stable: unknown members keep the order they were read in.
        ranked.sort_by_key(|(rank, _)| *rank);
        Ok(Self {
            members: ranked.into_iter().map(|(_, member)| member).collect(),
        })
    }
}

/// Where `member` goes: its place among the declared members, or after all of them.
fn rank<E: GraphEnum>(member: &E) -> usize {
    let name = member.as_str();
    E::MEMBERS
        .iter()
        .position(|declared| *declared == name)
        .unwrap_or(usize::MAX)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

enum FlagsError {
    /// Two commas with nothing between them, or one at an end.
    Empty,
    /// A member the enum does not declare and has no `other` or sentinel for.
    Unknown(String),
}

impl<E: GraphFlags> Default for Flags<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: GraphFlags + Clone> Clone for Flags<E> {
    fn clone(&self) -> Self {
        Self {
            members: self.members.clone(),
        }
    }
}

impl<E: GraphFlags + fmt::Debug> fmt::Debug for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.members).finish()
    }
}

/// The same members, whatever order unknown ones were read in (and in any ASCII case).
impl<E: GraphFlags> PartialEq for Flags<E> {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let names = |flags: &Self| {
            let mut names: Vec<String> = flags
                .iter()
                .map(|member| member.as_str().to_ascii_lowercase())
                .collect();
            names.sort_unstable();
            names
        };
        names(self) == names(other)
    }
}

impl<E: GraphFlags> Eq for Flags<E> {}

/// The declared members only, which equal sets hold in the same order.
impl<E: GraphFlags> Hash for Flags<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.len().hash(state);
        for member in self.iter().filter(|member| rank(*member) != usize::MAX) {
            member.as_str().hash(state);
        }
    }
}

/// Graph's text: `sunday,saturday`.
impl<E: GraphFlags> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, member) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            f.write_str(member.as_str())?;
        }
        Ok(())
    }
}

impl<E: GraphFlags> FromStr for Flags<E> {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, ValueError> {
        Self::parse(text).map_err(|error| ValueError::new("Flags", text, error.reason::<E>()))
    }
}

impl FlagsError {
    fn reason<E: GraphEnum>(&self) -> String {
        match self {
            Self::Empty => "a member between two commas, or at an end, is empty".to_owned(),
            Self::Unknown(name) => format!(
                "`{}` is not a member (expected one of {})",
                crate::values::text::shown(name),
                members_list(E::MEMBERS)
            ),
        }
    }
}

fn members_list(members: &[&str]) -> String {
    let mut list = String::new();
    for (index, member) in members.iter().enumerate() {
        if index > 0 {
            list.push_str(", ");
        }
        list.push('`');
        list.push_str(member);
        list.push('`');
    }
    list
}

impl<E: GraphFlags> FromIterator<E> for Flags<E> {
    fn from_iter<I: IntoIterator<Item = E>>(members: I) -> Self {
        let mut flags = Self::new();
        flags.extend(members);
        flags
    }
}

impl<E: GraphFlags> Extend<E> for Flags<E> {
    fn extend<I: IntoIterator<Item = E>>(&mut self, members: I) {
        for member in members {
            self.insert(member);
        }
    }
}

impl<E: GraphFlags, const N: usize> From<[E; N]> for Flags<E> {
    fn from(members: [E; N]) -> Self {
        members.into_iter().collect()
    }
}

impl<E: GraphFlags> IntoIterator for Flags<E> {
    type Item = E;
    type IntoIter = std::vec::IntoIter<E>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

impl<'a, E: GraphFlags> IntoIterator for &'a Flags<E> {
    type Item = &'a E;
    type IntoIter = std::slice::Iter<'a, E>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}

impl<E: GraphFlags> serde::Serialize for Flags<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, E: GraphFlags> serde::Deserialize<'de> for Flags<E> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FlagsVisitor<E>(PhantomData<E>);

        impl<E: GraphFlags> Visitor<'_> for FlagsVisitor<E> {
            type Value = Flags<E>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("enumeration members joined by `,`")
            }

            fn visit_str<Err: de::Error>(self, text: &str) -> Result<Flags<E>, Err> {
                Flags::parse(text).map_err(|error| match error {
                    FlagsError::Unknown(name) => Err::unknown_variant(&name, E::MEMBERS),
                    FlagsError::Empty => Err::invalid_value(de::Unexpected::Str(text), &self),
                })
            }
        }

        deserializer.deserialize_str(FlagsVisitor(PhantomData))
    }
}

/// Written as serde writes it; the sentinel among the members is one violation at the
/// property, as for a plain enum.
impl<E: GraphFlags> GraphValue for Flags<E> {
    type __Kind = crate::__private::value::OwnMethods;

    fn __serialize_in_mode<S: serde::Serializer>(
        &self,
        serializer: S,
        _: Mode,
    ) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, serializer)
    }

    fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
        if self.iter().any(GraphEnum::is_unknown_future_value) {
            out.push(at, ViolationKind::UnknownFutureValue);
        }
    }

    fn __write_json(&self, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }

    #[inline]
    fn __late_members(walk: &mut TypeWalk) -> bool {
        E::__late_members(walk)
    }
}

impl<E: GraphFlags> crate::__private::probe::Descends for Flags<E> {}
