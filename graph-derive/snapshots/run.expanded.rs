#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub id: Option<String>,
    pub completed_date_time: Option<DateTimeOffset>,
    pub failed_tasks_count: Option<i32>,
    pub processing_status: Option<LifecycleWorkflowProcessingStatus>,
    pub scheduled_date_time: Option<DateTimeOffset>,
}
const _: () = {
    #[automatically_derived]
    impl ::graph_core::GraphResource for Run {
        const PATH: &'static ::core::primitive::str = "/workflowBase/runs";
        const ODATA_TYPE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.run";
        #[inline]
        fn validate(&self) -> ::core::result::Result<(), ::graph_core::ValidationError> {
            ::graph_core::__private::validate(self)
        }
    }
    #[allow(dead_code)]
    impl Run {
        /// Builds the request that creates this `microsoft.graph.identityGovernance.run`: `POST /workflowBase/runs`, with this value as the JSON body.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every required property that is missing, every enum property set to `unknownFutureValue` and every empty path parameter, at any depth. Nothing is built unless the value is valid.
        #[inline]
        pub fn create_request(
            &self,
        ) -> ::core::result::Result<
            ::graph_core::CreateRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::create_request(self, &[])
        }
        /// Builds the request that reads one `microsoft.graph.identityGovernance.run`: `GET /workflowBase/runs/{id}`.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every empty path parameter.
        #[inline]
        pub fn get_request(
            id: &::core::primitive::str,
        ) -> ::core::result::Result<
            ::graph_core::GetRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::get_request(&[], id)
        }
        /// Builds the request that lists `microsoft.graph.identityGovernance.run` a page at a time: `GET /workflowBase/runs`.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every empty path parameter.
        #[inline]
        pub fn list_request() -> ::core::result::Result<
            ::graph_core::ListRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::list_request(&[])
        }
        /// Builds the request that reads the changes to `microsoft.graph.identityGovernance.run` since the last round: `GET /workflowBase/runs/delta`, whose last page has the delta link the next round resumes from.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every empty path parameter.
        #[inline]
        pub fn delta_request() -> ::core::result::Result<
            ::graph_core::DeltaRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::delta_request(&[])
        }
        /// Builds the request that updates this `microsoft.graph.identityGovernance.run`: `PATCH /workflowBase/runs/{id}`, with every writable property that is set.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every enum property set to `unknownFutureValue` and every violation inside a value that is sent (an update needs no `required` property), and every empty path parameter.
        #[inline]
        pub fn update_request(
            &self,
            id: &::core::primitive::str,
        ) -> ::core::result::Result<
            ::graph_core::UpdateRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::update_request(
                self,
                ::core::option::Option::None,
                &[],
                id,
            )
        }
        /// Builds the request that updates this `microsoft.graph.identityGovernance.run`: `PATCH /workflowBase/runs/{id}`, with only what changed from `before` (`null` for a property that was cleared).
        ///
        /// # Errors
        ///
        /// As `update_request`.
        #[inline]
        pub fn update_request_from(
            &self,
            before: &Self,
            id: &::core::primitive::str,
        ) -> ::core::result::Result<
            ::graph_core::UpdateRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::update_request(
                self,
                ::core::option::Option::Some(before),
                &[],
                id,
            )
        }
        /// Builds the request that deletes a `microsoft.graph.identityGovernance.run`: `DELETE /workflowBase/runs/{id}`.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every empty path parameter.
        #[inline]
        pub fn delete_request(
            id: &::core::primitive::str,
        ) -> ::core::result::Result<
            ::graph_core::DeleteRequest<Self>,
            ::graph_core::ValidationError,
        > {
            ::graph_core::__private::delete_request(&[], id)
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphType for Run {
        const __NAME: &'static ::core::primitive::str = "microsoft.graph.identityGovernance.run";
        const __PERMISSIONS: ::graph_core::__private::Permissions = <Self as ::graph_core::GraphResource>::PERMISSIONS;
    }
    #[automatically_derived]
    impl ::graph_core::__private::HasODataType for Run {
        const ODATA_TYPE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.run";
    }
    #[allow(dead_code)]
    #[inline]
    fn __field_types() {
        let () = <LifecycleWorkflowProcessingStatus as ::graph_core::__private::GraphProperty>::IS;
    }
    #[automatically_derived]
    impl ::graph_core::__private::Object for Run {
        const INFO: &'static ::graph_core::__private::ObjectInfo = &{
            static NAMES: ::graph_core::__private::Names = ::graph_core::__private::Names::new(
                ",\"id\":,\"completedDateTime\":,\"failedTasksCount\":,\"processingStatus\":,\"scheduledDateTime\":",
                b"\x02\0\x01\x01\x01",
            );
            ::graph_core::__private::ObjectInfo {
                odata_type: ::core::option::Option::Some(
                    "#microsoft.graph.identityGovernance.run",
                ),
                odata_prefix: b",\"@odata.type\":\"#microsoft.graph.identityGovernance.run\"",
                names: &NAMES,
                open: false,
            }
        };
        #[inline]
        fn __fields<__V: ::graph_core::__private::FieldVisitor>(
            &self,
            __visitor: &mut __V,
        ) {
            #[allow(unused_imports)]
            use ::graph_core::__private::{
                ProbeGraph as _, ProbeGraphOption as _, ProbeNotOption as _,
                ProbeOption as _, ProbeSerde as _, ProbeSerdeOption as _,
                ProbeUnmarked as _, ProbeUnmarkedOption as _,
            };
            ::graph_core::__private::visit_serde_option(__visitor, 0usize, &self.id);
            ::graph_core::__private::visit_option(
                __visitor,
                1usize,
                (&&::graph_core::__private::OptionProbe(&self.completed_date_time))
                    .__graph_option(),
            );
            ::graph_core::__private::visit_serde_option(
                __visitor,
                2usize,
                &self.failed_tasks_count,
            );
            ::graph_core::__private::visit_option(
                __visitor,
                3usize,
                (&&::graph_core::__private::OptionProbe(&self.processing_status))
                    .__graph_option(),
            );
            ::graph_core::__private::visit_option(
                __visitor,
                4usize,
                (&&::graph_core::__private::OptionProbe(&self.scheduled_date_time))
                    .__graph_option(),
            );
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphValue for Run {
        fn __serialize_in_mode<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
            __mode: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            ::graph_core::__private::serialize_object(self, __serializer, __mode)
        }
        #[inline]
        fn __validate_at(
            &self,
            __at: &::graph_core::__private::PropertyPath<'_>,
            __out: &mut ::graph_core::__private::Violations,
        ) {
            ::graph_core::__private::validate_object(self, __at, __out);
        }
        #[inline]
        fn __write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            __mode: ::graph_core::__private::Mode,
        ) -> ::core::result::Result<(), ::graph_core::__private::serde_json::Error> {
            ::graph_core::__private::write_object(self, __out, __mode)
        }
        const SIZE_HINT: ::core::primitive::usize = 221usize;
        #[inline]
        fn __late_members(
            __walk: &mut ::graph_core::__private::TypeWalk,
        ) -> ::core::primitive::bool {
            #[allow(unused_imports)]
            use ::graph_core::__private::{ProbeLate as _, ProbeNotLate as _};
            let __cell = <Self as ::graph_core::__private::Object>::INFO
                .names
                .late_members();
            match __walk.enter(__cell) {
                ::core::option::Option::Some(__known) => __known,
                ::core::option::Option::None => {
                    let __late = (&&::graph_core::__private::LateProbe::<
                        Option<LifecycleWorkflowProcessingStatus>,
                    >::NEW)
                        .__late_members(__walk);
                    __walk.leave(__cell, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::serde::Serialize for Run {
        fn serialize<__S: ::graph_core::__private::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            ::graph_core::__private::serialize_object(
                self,
                __serializer,
                ::graph_core::__private::Mode::Full,
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::graph_core::__private::serde::Deserialize<'de> for Run {
        fn deserialize<__D: ::graph_core::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            struct __Visitor;
            impl<'de> ::graph_core::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = Run;
                #[inline]
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    __f.write_str("a microsoft.graph.identityGovernance.run object")
                }
                fn visit_map<__A: ::graph_core::__private::serde::de::MapAccess<'de>>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<Run, __A::Error> {
                    #[allow(unused_imports)]
                    use ::graph_core::__private::{ProbeNoRead as _, ProbeRead as _};
                    let (__readers, mut __slots) = (&&::graph_core::__private::ReadProbe::<
                        (
                            ::graph_core::__private::Opt<String>,
                            ::graph_core::__private::Opt<DateTimeOffset>,
                            ::graph_core::__private::Opt<i32>,
                            ::graph_core::__private::Opt<
                                LifecycleWorkflowProcessingStatus,
                            >,
                            ::graph_core::__private::Opt<DateTimeOffset>,
                        ),
                    >::NEW)
                        .__readers();
                    let mut __keys = ::graph_core::__private::FieldIndexSeed::new(
                        <Run as ::graph_core::__private::Object>::INFO.names,
                    );
                    while let ::core::option::Option::Some(__index) = ::graph_core::__private::serde::de::MapAccess::next_key_seed(
                        &mut __map,
                        &mut __keys,
                    )? {
                        ::graph_core::__private::SlotsReader::read_field(
                            __readers,
                            &mut __slots,
                            __index,
                            &mut __map,
                            __keys.fields(),
                        )?;
                    }
                    ::core::result::Result::Ok(Run {
                        id: __slots.0.value,
                        completed_date_time: __slots.1.value,
                        failed_tasks_count: __slots.2.value,
                        processing_status: __slots.3.value,
                        scheduled_date_time: __slots.4.value,
                    })
                }
            }
            ::graph_core::__private::serde::Deserializer::deserialize_map(
                __deserializer,
                __Visitor,
            )
        }
    }
};
