#!/bin/sh
# proxsmtp FilterCommand that refuses every message the way a virus scanner does: proxsmtp
# answers the end of DATA with the last line of the filter's stderr (a full reply: code and text), and never relays.
cat >/dev/null
echo "550 5.7.1 Message refused by content filter: Eicar-Test-Signature FOUND" >&2
exit 1
