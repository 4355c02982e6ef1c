#[derive(Debug, Clone, Default)]
pub struct SendMail {
    pub message: Option<Message>,
    pub save_to_sent_items: Option<bool>,
}
const _: () = {
    #[allow(unused_imports)]
    use ::graph_core::__private as __rt;
    #[allow(dead_code)]
    impl SendMail {
        #[doc(hidden)]
        const __NEEDS: __rt::Needs = __rt::Needs::action(
            ::core::option::Option::Some(
                &__rt::OperationPermissions {
                    delegated: ::core::option::Option::Some(&["Mail.Send"]),
                    personal: ::core::option::Option::None,
                    application: ::core::option::Option::Some(&["Mail.Send"]),
                },
            ),
            "sendMail",
        );
        /// Builds the request that calls `sendMail`: `POST /users/{id}/sendMail`, with these parameters as the JSON body. Any `2xx` answer is a success.
        ///
        /// `id` fills `{id}`, percent-encoded as exactly one path segment.
        ///
        /// # Errors
        ///
        /// A `ValidationError` naming every required parameter that is missing, every enum parameter set to `unknownFutureValue` and every empty path parameter, at any depth. Nothing is built unless the parameters are valid.
        #[inline]
        pub fn request(
            &self,
            id: &::core::primitive::str,
        ) -> ::core::result::Result<
            ::graph_core::ActionRequest<()>,
            ::graph_core::ValidationError,
        > {
            __rt::action_request(
                self,
                "/users/{id}/sendMail",
                true,
                &[id],
                Self::__NEEDS,
            )
        }
        /// Builds the request that calls `sendMail` at another documented path: `template`'s placeholders filled with `params`, in order, as the `_at` forms of a resource are.
        ///
        /// # Errors
        ///
        /// As `request`, and a template that breaks the rules or a wrong number of parameters.
        #[inline]
        pub fn request_at(
            &self,
            template: &::core::primitive::str,
            params: &[&::core::primitive::str],
        ) -> ::core::result::Result<
            ::graph_core::ActionRequest<()>,
            ::graph_core::ValidationError,
        > {
            __rt::action_request(self, template, false, params, Self::__NEEDS)
        }
    }
    #[allow(dead_code)]
    #[inline]
    fn __field_types() {
        let () = <Message as __rt::GraphProperty>::IS;
    }
    #[automatically_derived]
    impl __rt::Object for SendMail {
        const INFO: &'static __rt::ObjectInfo = &{
            static NAMES: __rt::Names = __rt::Names::new(
                ",\"message\":,\"saveToSentItems\":",
                b"\x01\0",
            );
            __rt::ObjectInfo {
                odata_type: ::core::option::Option::None,
                odata_prefix: b"",
                names: &NAMES,
                open: false,
                expecting: "a JSON object for SendMail",
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
            __rt::visit_option(
                __visitor,
                0usize,
                (&&__rt::OptionProbe(&self.message)).__graph_option(),
            );
            __rt::visit_serde_option(__visitor, 1usize, &self.save_to_sent_items);
        }
    }
    #[automatically_derived]
    impl __rt::GraphValue for SendMail {
        type __Kind = __rt::ObjectValue;
        const SIZE_HINT: ::core::primitive::usize = 70usize;
        #[inline]
        fn __late_members(__walk: &mut __rt::TypeWalk) -> ::core::primitive::bool {
            #[allow(unused_imports)]
            use __rt::{ProbeLate as _, ProbeNotLate as _};
            let __cell = <Self as __rt::Object>::INFO.names.late_members();
            match __walk.enter(__cell) {
                ::core::option::Option::Some(__known) => __known,
                ::core::option::Option::None => {
                    let __late = (&&__rt::LateProbe::<Option<Message>>::NEW)
                        .__late_members(__walk);
                    __walk.leave(__cell, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl __rt::serde::Serialize for SendMail {
        fn serialize<__S: __rt::serde::Serializer>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            __rt::serialize_object(self, __serializer, __rt::Mode::Full)
        }
    }
    #[automatically_derived]
    impl __rt::ReadObject for SendMail {
        type Slots = (__rt::Opt<Message>, __rt::Opt<bool>);
        #[inline]
        fn __finish<__E: __rt::serde::de::Error>(
            __slots: Self::Slots,
            _: __rt::serde_json::Map<::std::string::String, __rt::serde_json::Value>,
        ) -> ::core::result::Result<Self, __E> {
            ::core::result::Result::Ok(SendMail {
                message: __slots.0.value,
                save_to_sent_items: __slots.1.value,
            })
        }
    }
    #[automatically_derived]
    impl<'de> __rt::serde::Deserialize<'de> for SendMail {
        fn deserialize<__D: __rt::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            #[allow(unused_imports)]
            use __rt::{ProbeNoRead as _, ProbeRead as _};
            (&&__rt::ReadProbe::<Self>::NEW).__deserialize(__deserializer)
        }
    }
};
