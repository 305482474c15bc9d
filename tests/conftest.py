import os

from hypothesis import HealthCheck, settings

# A bounded run in CI; set HYPOTHESIS_PROFILE=deep locally for a longer search.
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
