"""Referrals: codes people share, who they bring, what it earns.

- ``attribution``: scenes (the string inside a code) and first-touch attribution of users and leads;
- ``commission``: a won client's deal counted for its scene (what it pays: ``services.commissions``);
- ``stats``: scans, follows, leads, deals and conversion per scene or account;
- ``codes``: QR and mini-program code images and posters, made and sent by background tasks.
"""
