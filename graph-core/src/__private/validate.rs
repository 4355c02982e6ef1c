//! Collecting violations as validation descends a value: where each one is, and the
//! enum check `EnumValue` makes of every enum property.

use std::fmt;

use crate::resource::GraphEnum;
use crate::validation::{ValidationError, Violation, ViolationKind};

/// Where a value sits inside the value being validated, built on the stack as validation
/// descends and turned into text only when a violation is found.
#[derive(Debug, Clone, Copy)]
pub enum PropertyPath<'a> {
    /// The value being validated itself.
    Root,
    /// A property of the value at the parent path.
    Property(&'a PropertyPath<'a>, &'static str),
    /// An element of the collection at the parent path.
    Index(&'a PropertyPath<'a>, usize),
    /// The entry under a key of the map at the parent path.
    Key(&'a PropertyPath<'a>, &'a str),
}

impl fmt::Display for PropertyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PropertyPath::Root => Ok(()),
            PropertyPath::Property(PropertyPath::Root, name)
            | PropertyPath::Key(PropertyPath::Root, name) => f.write_str(name),
            PropertyPath::Property(parent, name) | PropertyPath::Key(parent, name) => {
                write!(f, "{parent}.{name}")
            }
            PropertyPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// The violations found so far.
#[derive(Debug, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// No violations yet.
    #[must_use]
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// Records a violation at `path`.
    #[cold]
    pub fn push(&mut self, path: &PropertyPath<'_>, kind: ViolationKind) {
        self.0.push(Violation::new(path.to_string(), kind));
    }

    pub(crate) fn push_violation(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// `Ok` when nothing was recorded, else the error for a value of `odata_type`.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] holding every recorded violation.
    pub fn finish(self, odata_type: &'static str) -> Result<(), ValidationError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(odata_type, self.0))
        }
    }
}

/// Records a violation when an enum value is the `unknownFutureValue` sentinel.
#[inline]
pub fn check_enum<E: GraphEnum>(value: &E, at: &PropertyPath<'_>, out: &mut Violations) {
    if value.is_unknown_future_value() {
        out.push(at, ViolationKind::UnknownFutureValue);
    }
}
