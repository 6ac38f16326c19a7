"""URL checks: is this address a listed brand's official site, a known scam, or made to look like one?"""
