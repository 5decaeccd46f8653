//! Reading the document and finding the requests in it: syntax, duplicate keys, its root, its
//! documents, the state machine tasks that hold requests (SL0xx).

registry! {
    syntax_error,
    duplicate_key,
    root_not_object,
    multiple_documents,
    not_a_request,
    unused_suppression,
    unsupported_integration_pattern,
    parameters_in_jsonata_state,
}
