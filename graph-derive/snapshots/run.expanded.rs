#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    pub id: Option<String>,
    pub completed_date_time: Option<DateTimeOffset>,
    pub failed_tasks_count: Option<i32>,
    pub processing_status: Option<LifecycleWorkflowProcessingStatus>,
    pub scheduled_date_time: Option<DateTimeOffset>,
}
const _: () = {
    #[allow(unused_imports)]
    use ::graph_core::__private as __rt;
    #[automatically_derived]
    impl ::graph_core::GraphResource for Run {
        const PATH: &'static ::core::primitive::str = "/workflowBase/runs";
        const ODATA_TYPE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.run";
        #[inline]
        fn validate(&self) -> ::core::result::Result<(), ::graph_core::ValidationError> {
            __rt::validate(self)
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
            __rt::create_request(self, &[])
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
            __rt::get_request(&[], id)
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
            __rt::list_request(&[])
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
            __rt::delta_request(&[])
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
            __rt::update_request(self, ::core::option::Option::None, &[], id)
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
            __rt::update_request(self, ::core::option::Option::Some(before), &[], id)
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
            __rt::delete_request(&[], id)
        }
    }
    #[automatically_derived]
    impl __rt::GraphType for Run {
        const __NAME: &'static ::core::primitive::str = "microsoft.graph.identityGovernance.run";
        const __PERMISSIONS: __rt::Permissions = <Self as ::graph_core::GraphResource>::PERMISSIONS;
    }
    #[automatically_derived]
    impl __rt::HasODataType for Run {
        const ODATA_TYPE: &'static ::core::primitive::str = "#microsoft.graph.identityGovernance.run";
    }
    #[allow(dead_code)]
    #[inline]
    fn __field_types() {
        let () = <LifecycleWorkflowProcessingStatus as __rt::GraphProperty>::IS;
    }
    #[automatically_derived]
    impl __rt::Object for Run {
        const INFO: &'static __rt::ObjectInfo = &{
            static NAMES: __rt::Names = __rt::Names::new(
                ",\"id\":,\"completedDateTime\":,\"failedTasksCount\":,\"processingStatus\":,\"scheduledDateTime\":",
                b"\x02\0\x01\x01\x01",
            );
            __rt::ObjectInfo {
                odata_type: ::core::option::Option::Some(
                    "#microsoft.graph.identityGovernance.run",
                ),
                odata_prefix: b",\"@odata.type\":\"#microsoft.graph.identityGovernance.run\"",
                names: &NAMES,
                open: false,
                expecting: "a microsoft.graph.identityGovernance.run object",
            }
        };
        #[inline]
        fn __fields<__V: __rt::FieldVisitor>(&self, __visitor: &mut __V) {
            #[allow(unused_imports)]
            use __rt::{
                ProbeGraph as _, ProbeGraphOption as _, ProbeNotOption as _,
                ProbeOption as _, ProbeSerde as _, ProbeSerdeOption as _,
                ProbeUnmarked as _, ProbeUnmarkedOption as _,
            };
            __rt::visit_serde_option(__visitor, 0usize, &self.id);
            __rt::visit_option(
                __visitor,
                1usize,
                (&&__rt::OptionProbe(&self.completed_date_time)).__graph_option(),
            );
            __rt::visit_serde_option(__visitor, 2usize, &self.failed_tasks_count);
            __rt::visit_option(
                __visitor,
                3usize,
                (&&__rt::OptionProbe(&self.processing_status)).__graph_option(),
            );
            __rt::visit_option(
                __visitor,
                4usize,
                (&&__rt::OptionProbe(&self.scheduled_date_time)).__graph_option(),
            );
        }
    }
    #[automatically_derived]
    impl __rt::GraphValue for Run {
        type __Kind = __rt::ObjectValue;
        const SIZE_HINT: ::core::primitive::usize = 221usize;
        #[inline]
        fn __late_members(__walk: &mut __rt::TypeWalk) -> ::core::primitive::bool {
            #[allow(unused_imports)]
            use __rt::{ProbeLate as _, ProbeNotLate as _};
            let __cell = <Self as __rt::Object>::INFO.names.late_members();
            match __walk.enter(__cell) {
                ::core::option::Option::Some(__known) => __known,
                ::core::option::Option::None => {
                    let __late = (&&__rt::LateProbe::<
                        Option<LifecycleWorkflowProcessingStatus>,
                    >::NEW)
                        .__late_members(__walk);
                    __walk.leave(__cell, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl __rt::serde::Serialize for Run {
        fn serialize<__S: __rt::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __rt::serialize_object(self, __serializer, __rt::Mode::Full)
        }
    }
    #[automatically_derived]
    impl __rt::ReadObject for Run {
        type Slots = (
            __rt::Opt<String>,
            __rt::Opt<DateTimeOffset>,
            __rt::Opt<i32>,
            __rt::Opt<LifecycleWorkflowProcessingStatus>,
            __rt::Opt<DateTimeOffset>,
        );
        #[inline]
        fn __finish<__E: __rt::serde::de::Error>(
            __slots: Self::Slots,
            _: __rt::serde_json::Map<::std::string::String, __rt::serde_json::Value>,
        ) -> ::core::result::Result<Self, __E> {
            ::core::result::Result::Ok(Run {
                id: __slots.0.value,
                completed_date_time: __slots.1.value,
                failed_tasks_count: __slots.2.value,
                processing_status: __slots.3.value,
                scheduled_date_time: __slots.4.value,
            })
        }
    }
    #[automatically_derived]
    impl<'de> __rt::serde::Deserialize<'de> for Run {
        fn deserialize<__D: __rt::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            #[allow(unused_imports)]
            use __rt::{ProbeNoRead as _, ProbeRead as _};
            (&&__rt::ReadProbe::<Self>::NEW).__deserialize(__deserializer)
        }
    }
};
