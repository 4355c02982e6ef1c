#[derive(Debug, Clone, PartialEq)]
pub enum LifecycleWorkflowProcessingStatus {
    Queued,
    InProgress,
    UnknownFutureValue,
    Other(String),
}
const _: () = {
    #[automatically_derived]
    impl ::graph_core::__private::GraphEnum for LifecycleWorkflowProcessingStatus {
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
                    match ::graph_core::__private::member_in_another_case::<
                        Self,
                    >(__member) {
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
        #[inline]
        fn is_unknown_future_value(&self) -> ::core::primitive::bool {
            ::graph_core::__private::GraphEnum::as_str(self) == "unknownFutureValue"
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::serde::Serialize
    for LifecycleWorkflowProcessingStatus {
        fn serialize<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            ::graph_core::__private::serde::Serializer::serialize_str(
                __serializer,
                ::graph_core::__private::GraphEnum::as_str(self),
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::graph_core::__private::serde::Deserialize<'de>
    for LifecycleWorkflowProcessingStatus {
        fn deserialize<__D: ::graph_core::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            ::graph_core::__private::deserialize_enum(__deserializer)
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphValue for LifecycleWorkflowProcessingStatus {
        fn __serialize_in_mode<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
            _: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            ::graph_core::__private::serde::Serialize::serialize(self, __serializer)
        }
        #[inline]
        fn __validate_at(
            &self,
            __at: &::graph_core::__private::PropertyPath<'_>,
            __out: &mut ::graph_core::__private::Violations,
        ) {
            ::graph_core::__private::check_enum(self, __at, __out);
        }
        #[inline]
        fn __write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            _: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<(), ::graph_core::__private::serde_json::Error> {
            match self {
                Self::Queued => {
                    __out.extend_from_slice(b"\"queued\"");
                    ::core::result::Result::Ok(())
                }
                Self::InProgress => {
                    __out.extend_from_slice(b"\"inProgress\"");
                    ::core::result::Result::Ok(())
                }
                Self::UnknownFutureValue => {
                    __out.extend_from_slice(b"\"unknownFutureValue\"");
                    ::core::result::Result::Ok(())
                }
                Self::Other(__member) => {
                    ::graph_core::__private::write_serde(
                        __out,
                        ::core::convert::AsRef::<
                            ::core::primitive::str,
                        >::as_ref(__member),
                    )
                }
            }
        }
        #[inline]
        fn __late_members(
            _: &mut ::graph_core::__private::TypeWalk,
        ) -> ::core::primitive::bool {
            true
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::ActionReturn for LifecycleWorkflowProcessingStatus {
        #[inline]
        fn __read(
            __status: ::graph_core::__private::http::StatusCode,
            __headers: &::graph_core::__private::http::HeaderMap,
            __body: &[::core::primitive::u8],
        ) -> ::core::result::Result<Self, ::graph_core::GraphError> {
            ::graph_core::__private::read_value(
                __status,
                __headers,
                __body,
                "a LifecycleWorkflowProcessingStatus",
            )
        }
    }
};
