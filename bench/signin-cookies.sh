# Sourced by the benches. Signs a user in through the sign-in form, as a browser does (the form's antiforgery token,
# then the post), and prints what the browser sends from then on: its cookies (the sign-in cookie and the antiforgery
# cookie) as one Cookie header value.
#   sign_in_cookies <base url> <user name> <password> <cookie jar file>
sign_in_cookies() {
  local base=$1 user=$2 password=$3 jar=$4 form
  form=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$user" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$form" "$base/account/login"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF == 7 {printf "%s%s=%s", sep, $6, $7; sep = "; "}'
}
