#!/bin/sh
# proxsmtp FilterCommand slower than the FilterTimeout it is given (3 s): proxsmtp gives up on
# it and answers the end of DATA with its own "451 Local Error", and never relays.
sleep 10
cat
