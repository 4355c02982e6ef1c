#[derive(Debug, Clone, PartialEq)]
pub enum WorkflowExecutionConditions {
    TriggerAndScopeBased(TriggerAndScopeBasedConditions),
    OnDemandExecutionOnly(Box<OnDemandExecutionOnly>),
    Other(Map<String, Value>),
}
const _: () = {
    #[allow(unused_imports)]
    use ::graph_core::__private as __rt;
    const _: () = {
        const __DUPLICATE: ::core::primitive::usize = __rt::first_duplicate::<
            2usize,
        >(
            &[
                <TriggerAndScopeBasedConditions as __rt::HasODataType>::ODATA_TYPE,
                <Box<OnDemandExecutionOnly> as __rt::HasODataType>::ODATA_TYPE,
            ],
        );
        if __DUPLICATE == 1usize {
            ::core::panic!(
                "variant `OnDemandExecutionOnly` of `WorkflowExecutionConditions` holds a type with the same OData type as an earlier variant's; each derived type can be one variant only"
            );
        }
    };
    #[automatically_derived]
    impl __rt::GraphType for WorkflowExecutionConditions {
        const __NAME: &'static ::core::primitive::str = "microsoft.graph.identityGovernance.workflowExecutionConditions";
    }
    #[automatically_derived]
    impl __rt::GraphUnion for WorkflowExecutionConditions {
        const BASE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.workflowExecutionConditions";
        const VARIANTS: &'static [&'static ::core::primitive::str] = &[
            <TriggerAndScopeBasedConditions as __rt::HasODataType>::ODATA_TYPE,
            <Box<OnDemandExecutionOnly> as __rt::HasODataType>::ODATA_TYPE,
        ];
        const BASE_VARIANT: ::core::option::Option<::core::primitive::usize> = ::core::option::Option::None;
        const HAS_OTHER: ::core::primitive::bool = true;
        fn deserialize_variant<'de, __D: __rt::serde::Deserializer<'de>>(
            __index: ::core::primitive::usize,
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            match __index {
                0usize => {
                    ::core::result::Result::Ok(
                        Self::TriggerAndScopeBased(
                            <TriggerAndScopeBasedConditions as __rt::serde::Deserialize<
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
                            > as __rt::serde::Deserialize<
                                'de,
                            >>::deserialize(__deserializer)?,
                        ),
                    )
                }
                _ => {
                    ::core::result::Result::Err(
                        <__D::Error as __rt::serde::de::Error>::custom("no such variant"),
                    )
                }
            }
        }
        #[inline]
        fn other(
            __object: __rt::serde_json::Map<
                ::std::string::String,
                __rt::serde_json::Value,
            >,
        ) -> ::core::option::Option<Self> {
            ::core::option::Option::Some(Self::Other(__object))
        }
    }
    #[automatically_derived]
    impl __rt::GraphValue for WorkflowExecutionConditions {
        type __Kind = __rt::OwnMethods;
        fn __serialize_in_mode<__S: __rt::serde::Serializer>(
            &self,
            __serializer: __S,
            __mode: __rt::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    __rt::GraphValue::__serialize_in_mode(__value, __serializer, __mode)
                }
                Self::OnDemandExecutionOnly(__value) => {
                    __rt::GraphValue::__serialize_in_mode(__value, __serializer, __mode)
                }
                Self::Other(__value) => {
                    __rt::serde::Serialize::serialize(__value, __serializer)
                }
            }
        }
        #[inline]
        fn __validate_at(
            &self,
            __at: &__rt::PropertyPath<'_>,
            __out: &mut __rt::Violations,
        ) {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    __rt::GraphValue::__validate_at(__value, __at, __out)
                }
                Self::OnDemandExecutionOnly(__value) => {
                    __rt::GraphValue::__validate_at(__value, __at, __out)
                }
                Self::Other(_) => {}
            }
        }
        #[inline]
        fn __write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            __mode: __rt::Mode,
        ) -> ::core::result::Result<(), __rt::serde_json::Error> {
            match self {
                Self::TriggerAndScopeBased(__value) => {
                    __rt::GraphValue::__write_json(__value, __out, __mode)
                }
                Self::OnDemandExecutionOnly(__value) => {
                    __rt::GraphValue::__write_json(__value, __out, __mode)
                }
                Self::Other(__value) => __rt::write_serde(__out, __value),
            }
        }
        #[inline]
        fn __late_members(__walk: &mut __rt::TypeWalk) -> ::core::primitive::bool {
            static __CELL: __rt::LateCell = __rt::LateCell::new();
            match __walk.enter(&__CELL) {
                ::core::option::Option::Some(__known) => __known,
                ::core::option::Option::None => {
                    let __late = false
                        || <TriggerAndScopeBasedConditions as __rt::GraphValue>::__late_members(
                            __walk,
                        )
                        || <Box<
                            OnDemandExecutionOnly,
                        > as __rt::GraphValue>::__late_members(__walk);
                    __walk.leave(&__CELL, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl __rt::serde::Serialize for WorkflowExecutionConditions {
        fn serialize<__S: __rt::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __rt::GraphValue::__serialize_in_mode(self, __serializer, __rt::Mode::Full)
        }
    }
    #[automatically_derived]
    impl<'de> __rt::serde::Deserialize<'de> for WorkflowExecutionConditions {
        fn deserialize<__D: __rt::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            __rt::deserialize_union(__deserializer)
        }
    }
};
