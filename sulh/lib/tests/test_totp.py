from sulh.lib.totp import code_at, matching_step, new_secret, provisioning_uri

# RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits -> our 6 are its last six.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def test_codes_follow_rfc_6238():
    assert code_at(RFC_SECRET, 59) == "287082"
    assert code_at(RFC_SECRET, 1111111109) == "081804"


def test_a_code_matches_its_step_and_one_step_of_drift_only():
    secret = new_secret()
    code = code_at(secret, 1_000_000)
    assert matching_step(secret, code, now=1_000_000) == 1_000_000 // 30
    assert matching_step(secret, code, now=1_000_000 + 30) is not None
    assert matching_step(secret, code, now=1_000_000 + 90) is None
    assert matching_step(secret, "12345", now=1_000_000) is None
    assert matching_step(secret, " ".join(code[:3]) + code[3:], now=1_000_000) is not None


def test_the_provisioning_uri_names_the_account_and_secret():
    uri = provisioning_uri("ABC", "amal")
    assert uri.startswith("otpauth://totp/sulh%3Aamal?") and "secret=ABC" in uri
