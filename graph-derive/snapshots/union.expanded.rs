#[derive(Debug, Clone, PartialEq)]
pub enum WorkflowExecutionConditions {
    TriggerAndScopeBased(TriggerAndScopeBasedConditions),
    OnDemandExecutionOnly(Box<OnDemandExecutionOnly>),
    Other(Map<String, Value>),
}
const _: () = {
    const _: () = {
        const __VARIANT_TYPES: &[&::core::primitive::str] = &[
            <TriggerAndScopeBasedConditions as ::graph_core::__private::HasODataType>::ODATA_TYPE,
            <Box<
                OnDemandExecutionOnly,
            > as ::graph_core::__private::HasODataType>::ODATA_TYPE,
        ];
        if ::graph_core::__private::same_as_earlier(__VARIANT_TYPES, 1usize) {
            ::core::panic!(
                "variant `OnDemandExecutionOnly` of `WorkflowExecutionConditions` holds a type with the same OData type as an earlier variant's; each derived type can be one variant only"
            );
        }
    };
    #[automatically_derived]
    impl ::graph_core::__private::GraphType for WorkflowExecutionConditions {
        const __NAME: &'static ::core::primitive::str = "microsoft.graph.identityGovernance.workflowExecutionConditions";
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphUnion for WorkflowExecutionConditions {
        const BASE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.workflowExecutionConditions";
        const VARIANTS: &'static [&'static ::core::primitive::str] = &[
            <TriggerAndScopeBasedConditions as ::graph_core::__private::HasODataType>::ODATA_TYPE,
            <Box<
                OnDemandExecutionOnly,
            > as ::graph_core::__private::HasODataType>::ODATA_TYPE,
        ];
        const BASE_VARIANT: ::core::option::Option<::core::primitive::usize> = ::core::option::Option::None;
        const HAS_OTHER: ::core::primitive::bool = true;
        fn deserialize_variant<
            'de,
            __D: ::graph_core::__private::serde::Deserializer<'de>,
        >(
            __index: ::core::primitive::usize,
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            match __index {
                0usize => {
                    ::core::result::Result::Ok(
                        Self::TriggerAndScopeBased(
                            <TriggerAndScopeBasedConditions as ::graph_core::__private::serde::Deserialize<
                                'de,
                            >>::deserialize(__deserializer)?,
                        ),
                    )
                }
                1usize => {
                    ::core::result::Result::Ok(
                        Self::OnDemandExecutionOnly(
                            <Box<
                                OnDemandExecutionOnly,
                            > as ::graph_core::__private::serde::Deserialize<
                                'de,
                            >>::deserialize(__deserializer)?,
                        ),
                    )
                }
                _ => {
                    ::core::result::Result::Err(
                        <__D::Error as ::graph_core::__private::serde::de::Error>::custom(
                            "no such variant",
                        ),
                    )
                }
            }
        }
        #[inline]
        fn other(
            __object: ::graph_core::__private::serde_json::Map<
                ::std::string::String,
                ::graph_core::__private::serde_json::Value,
            >,
        ) -> ::core::option::Option<Self> {
            ::core::option::Option::Some(Self::Other(__object))
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphValue for WorkflowExecutionConditions {
        fn __serialize_in_mode<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
            __mode: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    ::graph_core::__private::GraphValue::__serialize_in_mode(
                        __value,
                        __serializer,
                        __mode,
                    )
                }
                Self::OnDemandExecutionOnly(__value) => {
                    ::graph_core::__private::GraphValue::__serialize_in_mode(
                        __value,
                        __serializer,
                        __mode,
                    )
                }
                Self::Other(__value) => {
                    ::graph_core::__private::serde::Serialize::serialize(
                        __value,
                        __serializer,
                    )
                }
            }
        }
        #[inline]
        fn __validate_at(
            &self,
            __at: &::graph_core::__private::PropertyPath<'_>,
            __out: &mut ::graph_core::__private::Violations,
        ) {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    ::graph_core::__private::GraphValue::__validate_at(
                        __value,
                        __at,
                        __out,
                    )
                }
                Self::OnDemandExecutionOnly(__value) => {
                    ::graph_core::__private::GraphValue::__validate_at(
                        __value,
                        __at,
                        __out,
                    )
                }
                Self::Other(_) => {}
            }
        }
        #[inline]
        fn __write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            __mode: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<(), ::graph_core::__private::serde_json::Error> {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    ::graph_core::__private::GraphValue::__write_json(
                        __value,
                        __out,
                        __mode,
                    )
                }
                Self::OnDemandExecutionOnly(__value) => {
                    ::graph_core::__private::GraphValue::__write_json(
                        __value,
                        __out,
                        __mode,
                    )
                }
                Self::Other(__value) => {
                    ::graph_core::__private::write_serde(__out, __value)
                }
            }
        }
        #[inline]
        fn __late_members(
            __walk: &mut ::graph_core::__private::TypeWalk,
        ) -> ::core::primitive::bool {
            static __CELL: ::graph_core::__private::LateCell = ::graph_core::__private::LateCell::new();
            match __walk.enter(&__CELL) {
                ::core::option::Option::Some(__known) => __known,
                ::core::option::Option::None => {
                    let __late = false
                        || <TriggerAndScopeBasedConditions as ::graph_core::__private::GraphValue>::__late_members(
                            __walk,
                        )
                        || <Box<
                            OnDemandExecutionOnly,
                        > as ::graph_core::__private::GraphValue>::__late_members(
                            __walk,
                        );
                    __walk.leave(&__CELL, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::serde::Serialize for WorkflowExecutionConditions {
        fn serialize<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            ::graph_core::__private::GraphValue::__serialize_in_mode(
                self,
                __serializer,
                ::graph_core::__private::Mode::Full,
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::graph_core::__private::serde::Deserialize<'de>
    for WorkflowExecutionConditions {
        fn deserialize<__D: ::graph_core::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            ::graph_core::__private::deserialize_union(__deserializer)
        }
    }
};
