#[derive(Debug, Clone, Default)]
pub struct SendMail {
    pub message: Option<Message>,
    pub save_to_sent_items: Option<bool>,
}
const _: () = {
    #[allow(dead_code)]
    impl SendMail {
        #[doc(hidden)]
        const __NEEDS: ::graph_core::__private::Needs = ::graph_core::__private::Needs::action(
            ::core::option::Option::Some(
                &::graph_core::__private::OperationPermissions {
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
            ::graph_core::__private::action_request(
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
            ::graph_core::__private::action_request(
                self,
                template,
                false,
                params,
                Self::__NEEDS,
            )
        }
    }
    #[allow(dead_code)]
    #[inline]
    fn __field_types() {
        let () = <Message as ::graph_core::__private::GraphProperty>::IS;
    }
    #[automatically_derived]
    impl ::graph_core::__private::Object for SendMail {
        const INFO: &'static ::graph_core::__private::ObjectInfo = &{
            static NAMES: ::graph_core::__private::Names = ::graph_core::__private::Names::new(
                ",\"message\":,\"saveToSentItems\":",
                b"\x01\0",
            );
            ::graph_core::__private::ObjectInfo {
                odata_type: ::core::option::Option::None,
                odata_prefix: b"",
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
            ::graph_core::__private::visit_option(
                __visitor,
                0usize,
                (&&::graph_core::__private::OptionProbe(&self.message)).__graph_option(),
            );
            ::graph_core::__private::visit_serde_option(
                __visitor,
                1usize,
                &self.save_to_sent_items,
            );
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::GraphValue for SendMail {
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
        const SIZE_HINT: ::core::primitive::usize = 70usize;
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
                        Option<Message>,
                    >::NEW)
                        .__late_members(__walk);
                    __walk.leave(__cell, __late)
                }
            }
        }
    }
    #[automatically_derived]
    impl ::graph_core::__private::serde::Serialize for SendMail {
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
    impl<'de> ::graph_core::__private::serde::Deserialize<'de> for SendMail {
        fn deserialize<__D: ::graph_core::__private::serde::Deserializer<'de>>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error> {
            struct __Visitor;
            impl<'de> ::graph_core::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = SendMail;
                #[inline]
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    __f.write_str("a JSON object for SendMail")
                }
                fn visit_map<__A: ::graph_core::__private::serde::de::MapAccess<'de>>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<SendMail, __A::Error> {
                    #[allow(unused_imports)]
                    use ::graph_core::__private::{ProbeNoRead as _, ProbeRead as _};
                    let (__readers, mut __slots) = (&&::graph_core::__private::ReadProbe::<
                        (
                            ::graph_core::__private::Opt<Message>,
                            ::graph_core::__private::Opt<bool>,
                        ),
                    >::NEW)
                        .__readers();
                    let mut __keys = ::graph_core::__private::FieldIndexSeed::new(
                        <SendMail as ::graph_core::__private::Object>::INFO.names,
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
                    ::core::result::Result::Ok(SendMail {
                        message: __slots.0.value,
                        save_to_sent_items: __slots.1.value,
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
