"""Hand-written runtime shared by every generated client: transport, signing, decoding,
errors, retries and pagination. Generated code calls into it; it never imports generated code."""
