"""Hand-written runtime shared by every generated client: transport, signing, decoding,
errors, retries and pagination. Generated code calls into it; it never imports generated code."""

DISTRIBUTION = "cloud-sdk-generator"  # the distribution's name and version, in the User-Agent
__version__ = "0.1.0"
