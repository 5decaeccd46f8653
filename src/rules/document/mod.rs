//! Reading the document: syntax, duplicate keys, its root, its documents (SL0xx).

registry! {
    syntax_error,
    duplicate_key,
    root_not_object,
    multiple_documents,
    not_a_request,
    unused_suppression,
}
