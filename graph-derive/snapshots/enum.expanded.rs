#[derive(Debug, Clone, PartialEq)]
pub enum LifecycleWorkflowProcessingStatus {
    Queued,
    InProgress,
    UnknownFutureValue,
    Other(String),
}
const _: () = {
    #[allow(unused_imports)]
    use ::graph_core::__private as __rt;
    #[automatically_derived]
    impl __rt::GraphEnum for LifecycleWorkflowProcessingStatus {
        const MEMBERS: &'static [&'static ::core::primitive::str] = &[
            "queued",
            "inProgress",
            "unknownFutureValue",
        ];
        #[inline]
        fn as_str(&self) -> &::core::primitive::str {
            match self {
                Self::Queued => "queued",
                Self::InProgress => "inProgress",
                Self::UnknownFutureValue => "unknownFutureValue",
                Self::Other(__member) => {
                    ::core::convert::AsRef::<::core::primitive::str>::as_ref(__member)
                }
            }
        }
        #[inline]
        fn from_member(
            __member: &::core::primitive::str,
        ) -> ::core::option::Option<Self> {
            match __member {
                "queued" => ::core::option::Option::Some(Self::Queued),
                "inProgress" => ::core::option::Option::Some(Self::InProgress),
                "unknownFutureValue" => {
                    ::core::option::Option::Some(Self::UnknownFutureValue)
                }
                _ => {
                    match __rt::member_in_another_case::<Self>(__member) {
                        ::core::option::Option::Some(__declared) => {
                            ::core::option::Option::Some(__declared)
                        }
                        ::core::option::Option::None => {
                            match __member {
                                __member => {
                                    ::core::option::Option::Some(
                                        Self::Other(
                                            <String as ::core::convert::From<
                                                &::core::primitive::str,
                                            >>::from(__member),
                                        ),
                                    )
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl __rt::serde::Serialize for LifecycleWorkflowProcessingStatus {
        fn serialize<__S: __rt::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __rt::serde::Serializer::serialize_str(
                __serializer,
                __rt::GraphEnum::as_str(self),
            )
        }
    }
    #[automatically_derived]
    impl<'de> __rt::serde::Deserialize<'de> for LifecycleWorkflowProcessingStatus {
        fn deserialize<__D: __rt::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            __rt::deserialize_enum(__deserializer)
        }
    }
    #[automatically_derived]
    impl __rt::GraphValue for LifecycleWorkflowProcessingStatus {
        type __Kind = __rt::EnumValue;
        #[inline]
        fn __late_members(_: &mut __rt::TypeWalk) -> ::core::primitive::bool {
            true
        }
    }
    #[automatically_derived]
    impl __rt::ActionReturn for LifecycleWorkflowProcessingStatus {
        #[inline]
        fn __read(
            __status: __rt::http::StatusCode,
            __headers: &__rt::http::HeaderMap,
            __body: &[::core::primitive::u8],
        ) -> ::core::result::Result<Self, ::graph_core::GraphError> {
            __rt::read_value(
                __status,
                __headers,
                __body,
                "a LifecycleWorkflowProcessingStatus",
            )
        }
    }
};
